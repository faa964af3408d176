import DeskCore
import DeskTestSupport
import Foundation
import GRDB
import Testing

@testable import DeskStore

/// A new desk filled in bulk is built aside without SQLite's log (``DeskStore/build(path:officer:clock:reference:keep:_:)``):
/// it must appear whole, in WAL mode and sound, or not at all, and never in place of a file.
@Suite("Building a new desk aside")
struct DeskBuildTests {
    private let generator = DemoGenerator(seed: 23, reference: Fixtures.reference, now: Fixtures.today)

    /// Every name in the folder, hidden ones included: a temporary file left behind shows here.
    private func names(in folder: TemporaryDirectory) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test("A built desk appears whole under its name, in WAL mode, sound, and opens as any desk")
    func builtDeskIsWhole() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("built.sqlite")
        let generated = (0..<120).map(generator.request(at:))
        let count = try DeskStore.build(path: path, officer: "Ana Müller", clock: FixedClock(Fixtures.today),
                                        reference: Fixtures.reference) { store in
            #expect(!FileManager.default.fileExists(atPath: path), "the name must not exist before the desk is full")
            try store.insert(batches: [Array(generated[0..<70]), Array(generated[70...])], action: "demo")
            return try store.count(RequestQuery())
        }
        #expect(count == 120)
        #expect(try names(in: folder) == ["built.sqlite"])
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o600)

        let queue = try DatabaseQueue(path: path)
        let mode = try queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        try queue.close()
        #expect(mode == "wal")
        let store = try DeskStore.open(path: path, officer: "Ana Müller", createIfMissing: false, reference: Fixtures.reference)
        defer { try? store.close() }
        #expect(try store.synchronousLevel() == 2)
        let report = try store.verify()
        #expect(report.isRecordSound && report.requests == 120, "\(report.recordProblems)")
        _ = try store.create(Fixtures.request(.incoming))
        #expect(try store.count(RequestQuery()) == 121)
    }

    @Test("A fill that fails leaves nothing: no desk, no temporary file")
    func failedFillLeavesNothing() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("refused.sqlite")
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            try DeskStore.build(path: path, officer: "Ana Müller", reference: Fixtures.reference) { store in
                try store.insert(batches: [(0..<30).map(generator.request(at:))], action: "demo")
                throw Refused()
            }
        }
        #expect(try names(in: folder).isEmpty)
    }

    @Test("A dry run (keep: false) gives the fill's result and leaves nothing, not even the folders it made")
    func dryRunLeavesNothing() throws {
        let folder = try TemporaryDirectory()
        let count = try DeskStore.build(path: folder.path("made/for/it/tried.sqlite"), officer: "Ana Müller",
                                        reference: Fixtures.reference, keep: false) { store in
            try store.insert((0..<10).map(generator.request(at:)), action: "demo")
            return try store.count(RequestQuery())
        }
        #expect(count == 10)
        #expect(try names(in: folder).isEmpty)
    }

    @Test("A file that appears under the name while the desk is built is left as it was; the build is refused")
    func existingNameIsNeverReplaced() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("desk.sqlite")
        let meanwhile = Data("another program's file".utf8)
        #expect(throws: DeskError.self) {
            try DeskStore.build(path: path, officer: "Ana Müller", reference: Fixtures.reference) { store in
                try store.insert((0..<5).map(generator.request(at:)), action: "demo")
                try meanwhile.write(to: URL(fileURLWithPath: path))
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == meanwhile)
        #expect(try names(in: folder) == ["desk.sqlite"])
    }

    @Test("A name taken by a dangling link, or with an earlier desk's log or journal beside it, is refused before anything is built",
          arguments: ["", "-wal", "-shm", "-journal"])
    func leftoversRefuseTheName(suffix: String) throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("desk.sqlite")
        if suffix.isEmpty {
            #expect(symlink(folder.path("nowhere.sqlite"), path) == 0)
        } else {
            try Data("an earlier desk's last changes".utf8).write(to: URL(fileURLWithPath: path + suffix))
        }
        let before = try names(in: folder)
        var filled = false
        let error = #expect(throws: DeskError.self) {
            try DeskStore.build(path: path, officer: "Ana Müller", reference: Fixtures.reference) { _ in filled = true }
        }
        #expect(!filled)
        #expect(error?.description.contains(suffix.isEmpty ? "already exists" : "desk.sqlite\(suffix) is left beside") == true,
                "\(String(describing: error))")
        #expect(try names(in: folder) == before)
    }

    @Test("A desk is built in a folder that does not exist yet, made private")
    func missingFolderIsMade() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("cases/2026/desk.sqlite")
        try DeskStore.build(path: path, officer: "Ana Müller", reference: Fixtures.reference) { store in
            try store.insert((0..<3).map(generator.request(at:)), action: "demo")
        }
        var info = stat()
        #expect(stat(folder.path("cases/2026"), &info) == 0 && info.st_mode & 0o777 == 0o700)
        #expect(FileManager.default.fileExists(atPath: path))
    }
}
