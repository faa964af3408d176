import DeskCore
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

extension DeskStore {
    /// Copies the desk, while it stays in use, to `destination`: a new file, or a folder that
    /// receives `desk-YYYYMMDD-HHMMSS.sqlite`. An existing file is never overwritten. The copy is
    /// made under a temporary name (0600), must pass the desk's verify (SQLite's integrity check, the audit chain, every record), is
    /// synced and only then renamed; a failed backup leaves nothing under the final name.
    public func backup(to destination: String) throws -> CopySummary {
        let final = try Self.backupName(for: destination, at: clock.now())
        let temporary = try DeskCopy.makeTemporary(beside: final)
        do {
            try DeskCopy.copy(from: pool, into: temporary, reportAs: final)
            let report = try DeskCopy.check(temporary, reportAs: final)
            guard report.isRecordSound else {
                throw DeskError.damaged(path: path, detail: "its copy does not verify (\(report.findings.first ?? "")); no backup was written")
            }
            try DeskCopy.sync(temporary, reportAs: final)
            let bytes = Self.size(of: temporary)
            try DeskCopy.publish(temporary, as: final)
            return CopySummary(path: final, keptAs: nil, bytes: bytes, requests: report.requests, auditRows: report.auditRows)
        } catch {
            DeskCopy.discard(temporary)
            throw error
        }
    }

    /// Replaces the desk at `deskPath` with the backup at `source`. The backup is copied to a
    /// temporary name beside the desk and must verify; a restore is recorded in the copy's audit
    /// trail. An existing desk is replaced only when `replacing` is true, and is kept (with its
    /// `-wal`) as `….before-restore-YYYYMMDD-HHMMSS`; when the backup is of another desk, the
    /// replaced desk's signing key goes with it (`….before-restore-….key`), and the restored
    /// desk makes a key of its own when it first signs.
    public static func restore(from source: String, to deskPath: String, officer: String,
                               clock: any Clock = SystemClock(), replacing: Bool) throws -> CopySummary {
        guard FileManager.default.fileExists(atPath: source) else { throw DeskError.notFound("The backup \(source)") }
        _ = try DeskFileGuard.prepare(path: source, createIfMissing: false)
        let deskExists = FileManager.default.fileExists(atPath: deskPath)
        if deskExists && !replacing {
            throw DeskError.writeFailed("\(deskPath) already exists; `restore --force` replaces it and keeps the old desk beside it")
        }
        if deskExists, let process = DeskInUse.otherProcess(holding: deskPath) {
            throw DeskError.writeFailed(
                "\(deskPath) is open in another program (process \(process)): close the desk there first, then restore")
        }
        try DeskFileGuard.createPrivateDirectories(DeskCopy.folderOf(deskPath))
        let temporary = try DeskCopy.makeTemporary(beside: deskPath)
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let backup: DatabaseQueue
            do {
                backup = try DatabaseQueue(path: source, configuration: configuration)
            } catch {
                throw DeskStoreErrors.translate(error, path: source)
            }
            defer { try? backup.close() }
            try DeskCopy.copy(from: backup, into: temporary, reportAs: source)
            let report = try DeskCopy.check(temporary, reportAs: source)
            guard report.isRecordSound else {
                throw DeskError.damaged(path: source, detail: "it does not verify (\(report.findings.first ?? "")); nothing was restored")
            }
            let restoredID = try recordRestore(in: temporary, from: source, officer: officer, at: clock.now())
            try DeskCopy.sync(temporary, reportAs: deskPath)
            let bytes = size(of: temporary)
            let replaced = deskExists ? counts(of: deskPath) : nil
            let kept = deskExists ? try setAside(deskPath, at: clock.now()) : nil
            let keyKept = kept.flatMap { setAsideKey(of: deskPath, with: $0, unlessFor: restoredID) }
            try DeskCopy.publish(temporary, as: deskPath)
            return CopySummary(path: deskPath, keptAs: kept, keyKeptAs: keyKept, replaced: replaced, bytes: bytes,
                               requests: report.requests, auditRows: report.auditRows + 1)
        } catch {
            DeskCopy.discard(temporary)
            throw error
        }
    }

    /// What the desk at `path` holds; nil when it cannot be read. Opened as the desk itself is
    /// (a read-only connection could not remove the log's index it makes when it closes, and
    /// the kept desk would gain files beside it).
    private static func counts(of path: String) -> DeskCounts? {
        guard let queue = try? DatabaseQueue(path: path) else { return nil }
        defer { try? queue.close() }
        return try? queue.read { db in
            DeskCounts(requests: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM request") ?? 0,
                       auditRows: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit") ?? 0)
        }
    }

    /// Where a backup to `destination` goes: the name itself when nothing has it, or a
    /// time-stamped name inside an existing folder.
    static func backupName(for destination: String, at now: Date) throws -> String {
        var info = stat()
        guard stat(destination, &info) == 0 else {
            guard errno == ENOENT else {
                throw DeskError.writeFailed("\(destination) cannot be used (\(PrivateFiles.reason()))")
            }
            var isFolder: ObjCBool = false
            let folder = DeskCopy.folderOf(destination)
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw DeskError.writeFailed("the folder \(folder) does not exist; no backup was written")
            }
            return destination
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw DeskError.writeFailed("\(destination) already exists and was left as it was; a backup never overwrites a file (give a new name or a folder)")
        }
        let named = (destination as NSString).appendingPathComponent("desk-\(DeskCopy.stamp(now)).sqlite")
        if FileManager.default.fileExists(atPath: named) {
            throw DeskError.writeFailed("\(named) already exists and was left as it was; try again in a second")
        }
        return named
    }

    /// Appends the restore to the copy's own audit trail, so the desk says when it was restored;
    /// returns the restored desk's id.
    private static func recordRestore(in temporary: String, from source: String, officer: String, at now: Date) throws -> String {
        do {
            let queue = try DatabaseQueue(path: temporary)
            defer { try? queue.close() }
            return try queue.write { db in
                let deskID = try DeskMeta.value("desk_id", in: db) ?? ""
                try AuditLog.append(
                    .init(action: "restore", entity: .desk, entityID: deskID, requestID: "",
                          detail: "restored from the backup \(AbsolutePath.of(source))", state: Data()),
                    officer: officer, at: now, in: db)
                return deskID
            }
        } catch {
            throw DeskStoreErrors.translate(error, path: source)
        }
    }

    /// Renames the desk and its `-wal`/`-shm` out of the way together, so the kept copy opens
    /// whole and no old WAL can ever be applied to the restored file.
    /// A second restore within the same second keeps its desk as `…-2`.
    private static func setAside(_ deskPath: String, at now: Date) throws -> String {
        let stamped = "\(deskPath).before-restore-\(DeskCopy.stamp(now))"
        let suffixes = ["", "-wal", "-shm", ".key"]
        var kept = stamped
        var count = 1
        while suffixes.contains(where: { FileManager.default.fileExists(atPath: kept + $0) }) {
            count += 1
            kept = "\(stamped)-\(count)"
        }
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: deskPath + suffix) {
            if rename(deskPath + suffix, kept + suffix) != 0 {
                throw DeskError.writeFailed("\(deskPath + suffix) could not be kept as \(kept + suffix) (\(PrivateFiles.reason())); nothing was restored")
            }
        }
        return kept
    }

    /// Moves the signing key beside the desk kept as `kept` when it signs for another desk than
    /// `restoredID`: left in place it would be refused by the restored desk at every signature.
    /// A key that cannot be moved stays where it is (the restored desk names it when it signs):
    /// the restore itself is not undone for it.
    private static func setAsideKey(of deskPath: String, with kept: String, unlessFor restoredID: String) -> String? {
        let key = SigningKeyFile.path(forDesk: deskPath)
        guard FileManager.default.fileExists(atPath: key), let owner = SigningKeyFile.deskID(ofKeyAt: key), owner != restoredID
        else { return nil }
        let keptKey = SigningKeyFile.path(forDesk: kept)
        guard !FileManager.default.fileExists(atPath: keptKey), rename(key, keptKey) == 0 else { return nil }
        return keptKey
    }

    private static func size(of path: String) -> Int64 {
        var info = stat()
        return stat(path, &info) == 0 ? Int64(info.st_size) : 0
    }
}
