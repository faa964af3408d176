import DeskTestSupport
import Foundation
import GRDB
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Row 14, and restore: a backup appears whole under its name or not at all, and never
/// replaces a file; a restore takes only a backup that verifies.
@Suite("Backup and restore")
struct BackupTests {
    @Test("A backup of a desk in use is a checked, private, self-contained copy that verifies")
    func backupVerifies() throws {
        let folder = try TemporaryDirectory("backup")
        let cli = try Reliability.desk(in: folder, requests: 3)
        let holder = try LineProcess.sqlite3(folder.path("desk.sqlite"))
        try holder.send("BEGIN; SELECT 'open', COUNT(*) FROM request;")
        try holder.waitFor("open")
        #expect(try cli.run(["status", "OUT-2026-0001", "internal_review"]).status == 0)
        let target = folder.path("copy.sqlite")
        let result = try cli.run(["backup", target])
        _ = try holder.finish()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Backed up") && result.stdout.contains("3 requests"))
        #expect(Reliability.mode(target) == 0o600)
        #expect(!FileManager.default.fileExists(atPath: target + "-wal"))
        #expect(try Reliability.integrityCheck(target) == ["ok"])
        let copy = CommandRunner(database: target)
        #expect(try copy.run(["show", "OUT-2026-0001"]).stdout.contains("draft → internal_review"),
                "the backup misses a commit that was still in the WAL")
        #expect(try copy.run(["verify"]).status == 0)
        #expect(try leftovers(in: folder).isEmpty)
    }

    @Test("A folder receives desk-YYYYMMDD-HHMMSS.sqlite")
    func backupIntoFolder() throws {
        let folder = try TemporaryDirectory("into")
        let cli = try Reliability.desk(in: folder)
        try FileManager.default.createDirectory(atPath: folder.path("backups"), withIntermediateDirectories: false)
        let result = try cli.run(["backup", folder.path("backups")])
        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path("backups"))
        #expect(names.count == 1)
        #expect(names.first?.wholeMatch(of: /desk-\d{8}-\d{6}\.sqlite/) != nil, "\(names)")
    }

    @Test("An existing file is never overwritten, and nothing is left behind")
    func neverOverwrites() throws {
        let folder = try TemporaryDirectory("exists")
        let cli = try Reliability.desk(in: folder)
        let target = folder.path("precious.txt")
        try Data("the officer's own notes\n".utf8).write(to: URL(fileURLWithPath: target))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let result = try cli.run(["backup", target])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(target) already exists and was left as it was"), "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == Data("the officer's own notes\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == names)
    }

    @Test("A read-only folder: refused, nothing written")
    func readOnlyFolder() throws {
        let folder = try TemporaryDirectory("ro")
        let cli = try Reliability.desk(in: folder)
        let target = folder.path("locked")
        var undo: () -> Void = {}
        if Reliability.isRoot {
            undo = try Reliability.mountTmpfs(at: target, size: 1 << 20, readOnly: true)
        } else {
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: false)
            chmod(target, 0o500)
            undo = { chmod(target, 0o700) }
        }
        defer { undo() }
        let result = try cli.run(["backup", target])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("mladesk: Nothing was saved: the folder \(target) cannot be written"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target).isEmpty)
    }

    @Test("A full tmpfs: refused with the plain message; neither the final nor a temporary name is left",
          .enabled(if: Reliability.isRoot, "mounting a small tmpfs needs root (CI runs as root)"))
    func fullDisk() throws {
        let folder = try TemporaryDirectory("fullbackup")
        let cli = try Reliability.desk(in: folder, requests: 30)
        let small = folder.path("small")
        let unmount = try Reliability.mountTmpfs(at: small, size: 64 << 10)
        defer { unmount() }
        let result = try cli.run(["backup", "\(small)/copy.sqlite"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("mladesk: Nothing was saved:"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: small).isEmpty)
    }

    @Test("restore: refuses a backup that does not verify; replaces a desk only with --force and keeps the old one")
    func restore() throws {
        let folder = try TemporaryDirectory("restore")
        let cli = try Reliability.desk(in: folder, requests: 2)
        #expect(try cli.run(["backup", folder.path("good.sqlite")]).status == 0)
        #expect(try cli.run(["backup", folder.path("bad.sqlite")]).status == 0)
        let tamper = try Reliability.run("/usr/bin/sqlite3", [folder.path("bad.sqlite"),
            "DROP TRIGGER IF EXISTS audit_append_only_update; UPDATE audit SET officer = 'Mallory' WHERE seq = 2;"])
        #expect(tamper.status == 0, "\(tamper.stderr)")
        #expect(try cli.run(["status", "OUT-2026-0001", "internal_review"]).status == 0)
        let current = try Reliability.contents(cli)

        let bad = try cli.run(["restore", folder.path("bad.sqlite"), "--force"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("\(folder.path("bad.sqlite")) is damaged: it does not verify (Audit chain broken at sequence 2"), "\(bad.stderr)")
        #expect(try Reliability.contents(cli) == current)

        let unforced = try cli.run(["restore", folder.path("good.sqlite")])
        #expect(unforced.status == 1 && unforced.stderr.contains("--force"), "\(unforced.stderr)")
        #expect(try Reliability.contents(cli) == current)
        #expect(try leftovers(in: folder).isEmpty)

        let holder = try LineProcess.sqlite3(folder.path("desk.sqlite"))
        try holder.send("SELECT 'open', COUNT(*) FROM request;")
        try holder.waitFor("open")
        let inUse = try cli.run(["restore", folder.path("good.sqlite"), "--force"])
        _ = try holder.finish()
        #expect(inUse.status == 1 && inUse.stderr.contains("is open in another program (process "), "\(inUse.stderr)")
        #expect(try Reliability.contents(cli) == current, "a desk open elsewhere would go on writing to the file set aside")

        let auditRows = try Reliability.read(folder.path("desk.sqlite")) { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM audit") ?? 0 }
        let forced = try cli.run(["restore", folder.path("good.sqlite"), "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout.contains("The desk it replaced (2 requests, \(auditRows) audit rows: what was done since the backup is there only)"),
                "the officer learns what the live desk no longer holds: \(forced.stdout)")
        let kept = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("desk.sqlite.before-restore-") }
        #expect(kept.count == 1)
        #expect(Reliability.mode(folder.path("desk.sqlite")) == 0o600)
        #expect(!(try cli.run(["show", "OUT-2026-0001"]).stdout.contains("internal_review")))
        #expect(try cli.run(["verify"]).status == 0)
        let restoreRows = try Reliability.read(folder.path("desk.sqlite")) {
            try String.fetchAll($0, sql: "SELECT detail FROM audit WHERE action = 'restore'")
        }
        #expect(restoreRows == ["restored from the backup \(folder.path("good.sqlite"))"])
        let old = CommandRunner(database: folder.path(try #require(kept.first)))
        #expect(try old.run(["show", "OUT-2026-0001"]).stdout.contains("draft → internal_review"))
    }

    @Test("restore: a backup of another desk takes the replaced desk's signing key along with it; one of the same desk keeps it")
    func restoreAnotherDesk() throws {
        let folder = try TemporaryDirectory("restore-other")
        let ours = try Reliability.desk(in: folder, requests: 1)
        let theirs = try Reliability.desk(in: folder, requests: 1, name: "other.sqlite")
        let ourKey = try ours.run(["key", "show"]).stdout
        #expect(ourKey.contains("Key id:"))
        #expect(try ours.run(["backup", folder.path("ours-backup.sqlite")]).status == 0)
        #expect(try theirs.run(["backup", folder.path("theirs-backup.sqlite")]).status == 0)

        let same = try ours.run(["restore", folder.path("ours-backup.sqlite"), "--force"])
        #expect(same.status == 0 && !same.stdout.contains("signing key"), "\(same.stdout)")
        #expect(try ours.run(["key", "show"]).stdout == ourKey, "a backup of the same desk keeps its key")

        let other = try ours.run(["restore", folder.path("theirs-backup.sqlite"), "--force"])
        #expect(other.status == 0 && other.stdout.contains("The backup is of another desk"), "\(other.stdout)\(other.stderr)")
        let newKey = try ours.run(["key", "show"])
        #expect(newKey.status == 0 && newKey.stdout != ourKey, "the restored desk signs with a key of its own: \(newKey.stderr)")
        let keptKeys = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".key") && $0.contains("before-restore") }
        #expect(keptKeys.count == 1, "\(keptKeys)")
        let kept = CommandRunner(database: folder.path(String(try #require(keptKeys.first).dropLast(".key".count))))
        #expect(try kept.run(["key", "show"]).stdout == ourKey, "the old key stays with the desk it signs for")
    }

    /// Temporary names a backup or restore might have left in `folder`.
    private func leftovers(in folder: TemporaryDirectory) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") || $0.contains(".tmp-") }
    }
}
