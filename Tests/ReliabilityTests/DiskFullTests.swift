import DeskCore
import DeskStore
import DeskTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Row 3: a full disk or a file-size limit rolls the save back cleanly.
@Suite("A full disk or a file-size limit rolls the save back", .serialized)
struct DiskFullTests {
    @Test("ulimit -f: the same plain message, earlier data intact, the -wal with earlier commits never deleted")
    func fileSizeLimit() throws {
        let folder = try TemporaryDirectory("ulimit")
        let cli = try Reliability.desk(in: folder)
        let path = folder.path("desk.sqlite")
        let reader = try LineProcess.sqlite3(path)
        try reader.send("BEGIN; SELECT 'snapshot', COUNT(*) FROM request;")
        try reader.waitFor("snapshot")
        let committed = try cli.run(["status", "OUT-2026-0001", "internal_review"])
        #expect(committed.status == 0, "\(committed.stderr)")
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        let before = try Reliability.contents(cli)
        let walSize = try #require(try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int)
        for blocks in [1, walSize / 1024, walSize / 1024 + 2] {
            let limited = try Reliability.shell(
                "ulimit -f \(blocks); exec \(TmuxSession.quote(CommandRunner.binary)) status OUT-2026-0002 internal_review",
                cli)
            #expect(limited.status == 1, "ulimit -f \(blocks): \(limited.stdout)")
            #expect(limited.stderr.hasPrefix("mladesk: Nothing was saved:"), "ulimit -f \(blocks): \(limited.stderr)")
            #expect(FileManager.default.fileExists(atPath: path + "-wal"), "the -wal holding a commit was deleted")
            #expect(try Reliability.contents(cli) == before)
        }
        _ = try reader.finish()
        #expect(try Reliability.integrityCheck(path) == ["ok"])
        #expect(try cli.run(["show", "OUT-2026-0001"]).stdout.contains("draft → internal_review"))
        #expect(try cli.run(["status", "OUT-2026-0002", "internal_review"]).status == 0)
        #expect(try cli.run(["verify"]).status == 0)
    }

    @Test("A full tmpfs: the same plain message, earlier data intact, the next save works once there is room",
          .enabled(if: Reliability.isRoot, "mounting a small tmpfs needs root (CI runs as root)"))
    func fullDisk() throws {
        let folder = try TemporaryDirectory("full")
        let mount = folder.path("small")
        let unmount = try Reliability.mountTmpfs(at: mount, size: 2 << 20)
        defer { unmount() }
        let store = try Fixtures.store(in: folder, name: "small/desk.sqlite")
        for index in 0..<5 {
            _ = try store.create(Fixtures.request(facts: "Request \(index) on a small disk."))
        }
        try store.close()
        let cli = CommandRunner(database: folder.path("small/desk.sqlite"))
        #expect(try cli.run(["verify"]).status == 0)
        let before = try Reliability.contents(cli)
        let filler = folder.path("small/filler")
        try fill(filler)
        let refused = try cli.run(["status", "OUT-2026-0001", "internal_review", "--note", String(repeating: "long note ", count: 2_000)])
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("mladesk: Nothing was saved:"), "\(refused.stderr)")
        #expect(refused.stderr.contains("is full"), "the officer is told why: \(refused.stderr)")
        let read = try cli.run(["list"])
        #expect(read.stderr.isEmpty || read.stderr.contains("is full"), "a read on a full disk names it: \(read.stderr)")
        try FileManager.default.removeItem(atPath: filler)
        #expect(try Reliability.contents(cli) == before)
        #expect(try Reliability.integrityCheck(folder.path("small/desk.sqlite")) == ["ok"])
        #expect(try cli.run(["status", "OUT-2026-0001", "internal_review"]).status == 0)
        #expect(try cli.run(["verify"]).status == 0)
    }

    /// Quitting the desk on a full disk left its saves in the log beside it without a word, and
    /// an officer copying the desk file alone would have lost them.
    @Test("A log that cannot be folded into a desk on a full disk is named, with what to keep; folded once there is room",
          .enabled(if: Reliability.isRoot, "mounting a small tmpfs needs root (CI runs as root)"))
    func logLeftOnAFullDisk() throws {
        let folder = try TemporaryDirectory("full-log")
        let mount = folder.path("small")
        let unmount = try Reliability.mountTmpfs(at: mount, size: 8 << 20)
        defer { unmount() }
        let store = try Fixtures.store(in: folder, name: "small/desk.sqlite")
        defer { try? store.close() }
        #expect(store.foldLogProblem() == nil)
        for index in 0..<20 {
            _ = try store.create(Fixtures.request(facts: "Request \(index) \(String(repeating: "on a small disk ", count: 20))"))
        }
        let filler = folder.path("small/filler")
        try fill(filler)
        let problem = try #require(store.foldLogProblem(), "the log needs room in the desk file to be folded in")
        #expect(problem.contains("small/desk.sqlite-wal could not be folded into the desk file (the disk holding"), "\(problem)")
        #expect(problem.contains("every save is in it. Keep it beside the desk file"), "\(problem)")
        try FileManager.default.removeItem(atPath: filler)
        #expect(store.foldLogProblem() == nil)
        #expect(try store.count(RequestQuery()) == 20)
    }

    /// Writes zeros until the file system says it is full.
    private func fill(_ path: String) throws {
        let fd = open(path, O_CREAT | O_WRONLY, 0o600)
        defer { close(fd) }
        let chunk = [UInt8](repeating: 0, count: 4096)
        while chunk.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) > 0 {}
    }
}
