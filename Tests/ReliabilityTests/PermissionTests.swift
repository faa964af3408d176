import DeskTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Row 7: whatever the umask, what the desk writes is private; an unsafe desk is refused.
@Suite("Files are private whatever the umask; unsafe desks are refused")
struct PermissionTests {
    @Test("Desk, -wal, -shm, backups, exports and packages are 0600 / 0700 under umask 022 and 002", arguments: ["022", "002"])
    func privateModes(mask: String) throws {
        let folder = try TemporaryDirectory("umask")
        let path = folder.path("nested/desk.sqlite")
        let cli = CommandRunner(database: path)
        func run(_ arguments: [String]) throws {
            let line = ([CommandRunner.binary] + arguments).map(TmuxSession.quote).joined(separator: " ")
            let result = try Reliability.shell("umask \(mask); exec \(line)", cli)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        try run(["init"])
        let holder = try LineProcess.sqlite3(path)
        try holder.send("BEGIN; SELECT 'open', COUNT(*) FROM audit;")
        try holder.waitFor("open")
        let store = try Fixtures.store(in: folder, name: "nested/desk.sqlite")
        _ = try store.create(Fixtures.request())
        try store.close()
        try run(["status", "OUT-2026-0001", "internal_review"])
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        for file in [path, path + "-wal", path + "-shm", path + ".key"] {
            #expect(Reliability.mode(file) == 0o600, "\(file)")
        }
        _ = try holder.finish()
        #expect(Reliability.mode(folder.path("nested")) == 0o700)
        try run(["backup", folder.path("backup.sqlite")])
        try run(["export", "--out", folder.path("export.json")])
        try run(["export", "--package", folder.path("package"), "OUT-2026-0001"])
        #expect(Reliability.mode(folder.path("backup.sqlite")) == 0o600)
        #expect(Reliability.mode(folder.path("export.json")) == 0o600)
        #expect(Reliability.mode(folder.path("package")) == 0o700)
        let packaged = FileManager.default.enumerator(atPath: folder.path("package"))?.allObjects as? [String] ?? []
        #expect(!packaged.isEmpty)
        for entry in packaged {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder.path("package/\(entry)"), isDirectory: &isFolder)
            #expect(Reliability.mode(folder.path("package/\(entry)")) == (isFolder.boolValue ? 0o700 : 0o600), "\(entry)")
        }
    }

    @Test("A world-writable desk is refused with the reason and left as it was")
    func worldWritable() throws {
        let folder = try TemporaryDirectory("o+w")
        let cli = try Reliability.desk(in: folder)
        let path = folder.path("desk.sqlite")
        chmod(path, 0o666)
        let before = try FolderSnapshot(folder)
        let result = try cli.run(["status", "OUT-2026-0001", "internal_review"])
        #expect(result.status == 1)
        #expect(result.stderr == "mladesk: \(path) is refused: anyone on this machine may write to it; run `chmod 600` on it first.\n")
        #expect(try FolderSnapshot(folder) == before)
    }

    @Test("A desk owned by another user is refused with the reason",
          .enabled(if: Reliability.isRoot, "giving a file to another user needs root (CI runs as root)"))
    func foreignOwner() throws {
        let folder = try TemporaryDirectory("owner")
        let cli = try Reliability.desk(in: folder)
        let path = folder.path("desk.sqlite")
        #expect(chown(path, 4_321, 4_321) == 0)
        let before = try FolderSnapshot(folder)
        let result = try cli.run(["list"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(path) is refused: it belongs to another user (uid 4321)"), "\(result.stderr)")
        #expect(try FolderSnapshot(folder) == before)
    }
}
