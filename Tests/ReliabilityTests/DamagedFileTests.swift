import DeskTestSupport
import Foundation
import GRDB
import Testing

/// Rows 5, 6 and 8 on the command line: wrong, damaged, newer and tampered desks.
@Suite("Wrong, damaged, newer and tampered desk files on the command line")
struct DamagedFileTests {
    enum Wrong: String, CaseIterable {
        case randomBytes, empty, zip, otherSQLite, directory
    }

    @Test("A file that is not a desk: “not an MLA Desk file” with the path, exit 1, nothing written", arguments: Wrong.allCases)
    func notADesk(kind: Wrong) throws {
        let folder = try TemporaryDirectory("wrong")
        let path = folder.path("suspect.sqlite")
        switch kind {
        case .randomBytes:
            try Data((0..<16_384).map { _ in UInt8.random(in: 0...255) }).write(to: URL(fileURLWithPath: path))
        case .empty:
            try Data().write(to: URL(fileURLWithPath: path))
        case .zip:
            try Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00] + Array(repeating: 0, count: 500)).write(to: URL(fileURLWithPath: path))
        case .otherSQLite:
            let queue = try DatabaseQueue(path: path)
            try queue.write { try $0.execute(sql: "CREATE TABLE photos (name TEXT); INSERT INTO photos VALUES ('cat.jpg')") }
            try queue.close()
        case .directory:
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        }
        let before = try FolderSnapshot(folder)
        let cli = CommandRunner(database: path)
        for arguments in [["list"], ["status", "OUT-2026-0001", "internal_review"], ["verify"], ["backup", folder.path("copy")]] {
            let result = try cli.run(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.hasPrefix("mladesk: \(path) is not an MLA Desk file: "), "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasSuffix("Nothing was written to it.\n"))
        }
        #expect(try FolderSnapshot(folder) == before)
    }

    @Test("A truncated desk: “damaged” with the path; verify reports it and exits 1")
    func truncated() throws {
        let folder = try TemporaryDirectory("truncated")
        let cli = try Reliability.desk(in: folder, requests: 40)
        let path = folder.path("desk.sqlite")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(truncate(path, off_t(size / 2)) == 0)
        let before = try FolderSnapshot(folder)
        let verify = try cli.run(["verify"])
        #expect(verify.status == 1)
        #expect(verify.stdout.contains("SQLite integrity check") || verify.stderr.contains("\(path) is damaged"),
                "\(verify.stdout)\(verify.stderr)")
        let list = try cli.run(["list", "--limit", "100"])
        if list.status != 0 {
            #expect(list.stderr.hasPrefix("mladesk: \(path) is damaged"), "\(list.stderr)")
        }
        #expect(try FolderSnapshot(folder).mainFiles == before.mainFiles)
    }

    @Test("A flipped byte in a page header: SQLite's check fails and verify names it")
    func flippedStructureByte() throws {
        let folder = try TemporaryDirectory("flip")
        let cli = try Reliability.desk(in: folder, requests: 20)
        let path = folder.path("desk.sqlite")
        let pageSize = try Reliability.read(path) { try Int.fetchOne($0, sql: "PRAGMA page_size") ?? 4096 }
        let rootPage = try Reliability.read(path) {
            try Int.fetchOne($0, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'audit'") ?? 2
        }
        try flip(path, at: (rootPage - 1) * pageSize + 3)
        let verify = try cli.run(["verify"])
        #expect(verify.status == 1, "\(verify.stdout)")
        #expect(verify.stdout.contains("SQLite integrity check") || verify.stderr.contains("is damaged"),
                "\(verify.stdout)\(verify.stderr)")
    }

    @Test("A changed byte inside a stored request: SQLite's check passes, the audit chain catches it")
    func flippedContentByte() throws {
        let folder = try TemporaryDirectory("content")
        let cli = try Reliability.desk(in: folder, requests: 3)
        let path = folder.path("desk.sqlite")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let marker = Data("Request number 1 on the desk".utf8)
        var found = bytes.range(of: marker)
        #expect(found != nil)
        while let range = found {
            try flip(path, at: range.lowerBound + 8, to: UInt8(ascii: "7"))
            found = bytes.range(of: marker, in: range.upperBound..<bytes.endIndex)
        }
        #expect(try Reliability.integrityCheck(path) == ["ok"])
        let verify = try cli.run(["verify"])
        #expect(verify.status == 1)
        #expect(verify.stdout.contains("differs from its last audited state"), "\(verify.stdout)")
    }

    @Test("A desk from a newer program is refused by every command and left byte for byte as it was")
    func newerFormat() throws {
        let folder = try TemporaryDirectory("newer")
        let cli = try Reliability.desk(in: folder)
        let path = folder.path("desk.sqlite")
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA user_version = 99") }
        try queue.close()
        let before = try FolderSnapshot(folder)
        for arguments in [["list"], ["status", "OUT-2026-0001", "internal_review"], ["verify"], ["init"], ["backup", folder.path("b")]] {
            let result = try cli.run(arguments)
            #expect(result.status == 1, "\(arguments)")
            if arguments != ["init"] {
                #expect(result.stderr.contains("was written by a newer MLA Desk (format 99"), "\(arguments): \(result.stderr)")
            }
        }
        #expect(try FolderSnapshot(folder) == before)
    }

    enum Tampering: String, CaseIterable {
        case edit, delete, reorder

        var sql: String {
            switch self {
            case .edit: "UPDATE audit SET officer = 'Mallory' WHERE seq = 3;"
            case .delete: "DELETE FROM audit WHERE seq = 3;"
            case .reorder: "UPDATE audit SET seq = 1000 WHERE seq = 3; UPDATE audit SET seq = 3 WHERE seq = 4; UPDATE audit SET seq = 4 WHERE seq = 1000;"
            }
        }
    }

    @Test("Audit rows edited, deleted or reordered with the sqlite3 shell: verify names sequence 3 and exits 1",
          arguments: Tampering.allCases)
    func tamperedAudit(kind: Tampering) throws {
        let verify = try verifyAfter(
            "DROP TRIGGER IF EXISTS audit_append_only_update; DROP TRIGGER IF EXISTS audit_append_only_delete; " + kind.sql,
            requests: 3)
        #expect(verify.status == 1)
        #expect(verify.stdout.contains("Audit chain broken at sequence 3"), "\(verify.stdout)")
    }

    enum CopyTampering: String, CaseIterable {
        case officer, closed, types, fullText, counts, lastAuditRow

        var sql: String {
            switch self {
            case .officer: "UPDATE request SET officer = 'Mallory' WHERE num = 1;"
            case .closed: "UPDATE request SET is_open = 0 WHERE num = 1;"
            case .types: "DELETE FROM request_type WHERE request_num = 1;"
            case .fullText: "DELETE FROM request_fts WHERE rowid = 1;"
            case .counts: "UPDATE request_count SET n = n + 5;"
            case .lastAuditRow: "DROP TRIGGER audit_append_only_delete; DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit);"
            }
        }

        /// What verify must say.
        var finding: String {
            switch self {
            case .officer: "has copies for lists and search that disagree with its record (changed behind the program's back): officer"
            case .closed: "disagree with its record (changed behind the program's back): is_open"
            case .types: "its rows of types"
            case .fullText: "its full-text entry"
            case .counts: "The counts by status disagree with the requests"
            case .lastAuditRow: "the row the last verification ended on is missing"
            }
        }
    }

    @Test("The copies lists, counts and searches read, or the newest audit row, changed with the sqlite3 shell: verify names it and exits 1",
          arguments: CopyTampering.allCases)
    func tamperedCopies(kind: CopyTampering) throws {
        let verify = try verifyAfter(kind.sql, requests: 2)
        #expect(verify.status == 1)
        #expect(verify.stdout.contains(kind.finding), "\(verify.stdout)")
    }

    /// `verify` on a sound desk of `requests` requests after `sql` was run on it in the `sqlite3` shell.
    private func verifyAfter(_ sql: String, requests: Int) throws -> CommandRunner.Result {
        let folder = try TemporaryDirectory("tamper")
        let cli = try Reliability.desk(in: folder, requests: requests)
        let shell = try Reliability.run("/usr/bin/sqlite3", [folder.path("desk.sqlite"), sql])
        #expect(shell.status == 0, "\(shell.stderr)")
        return try cli.run(["verify"])
    }

    private func flip(_ path: String, at offset: Int, to value: UInt8? = nil) throws {
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(offset))
        let old = try handle.read(upToCount: 1)?.first ?? 0
        try handle.seek(toOffset: UInt64(offset))
        try handle.write(contentsOf: [value ?? (old ^ 0xFF)])
    }
}

/// Every file in a folder with its bytes, to prove that nothing was written.
struct FolderSnapshot: Equatable {
    var files: [String: Data]

    init(_ folder: TemporaryDirectory) throws {
        files = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder.path(name), isDirectory: &isDirectory)
            files[name] = isDirectory.boolValue ? Data("<folder>".utf8) : try Data(contentsOf: folder.url.appendingPathComponent(name))
        }
    }

    /// The files other than SQLite's `-wal` and `-shm`, which a reader may create and remove.
    var mainFiles: [String: Data] {
        files.filter { !$0.key.hasSuffix("-wal") && !$0.key.hasSuffix("-shm") }
    }
}
