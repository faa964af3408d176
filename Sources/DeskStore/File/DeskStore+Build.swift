import DeskCore
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

extension DeskStore {
    /// Makes a new desk at `path` filled by `fill` (demo data, an import), built aside under a
    /// temporary name and named only once `fill` has returned: the desk appears whole or not at
    /// all, and a name that exists is never replaced.
    ///
    /// While it is being built nothing else can know the file, so it is written without SQLite's
    /// write-ahead log (its rollback journal kept in memory, so a transaction that fails still
    /// rolls back) and without waiting for the disk at each commit: every page is written once
    /// instead of to the log and then again into the file (docs/benchmarks.md, item 42). That is
    /// safe only because the file has no name yet: a crash, a signal (the command line removes
    /// the file, see ``ScratchPaths``) or a failed `fill` leaves at most the temporary file. Once
    /// `fill` is done the file is switched to WAL, synced to the disk, and linked to its name,
    /// unless `keep` is false (a dry run): then it is removed.
    ///
    /// Refused before anything is written when the name exists (a dangling link too) or when a
    /// `-wal`, `-shm` or `-journal` of an earlier desk of that name is still beside it: SQLite
    /// would replay that desk's log into the new one at its first open.
    ///
    /// `fill`'s store names `path` in its errors and is closed on return; open the desk again to
    /// use it. It has a single connection: a read inside one of its writes, or a verify (which
    /// opens `path`), is not possible until the desk has its name.
    public static func build<T>(path: String, officer: String, clock: any Clock = SystemClock(),
                                reference: ReferenceData?, keep: Bool = true,
                                _ fill: (DeskStore) throws -> T) throws -> T {
        try checkNameIsFree(path)
        let madeFolders = try DeskFileGuard.createPrivateDirectories(DeskCopy.folderOf(path))
        var published = false
        defer {
            if !published {
                madeFolders.reversed().forEach { rmdir($0) }
            }
        }
        let temporary = try DeskCopy.makeTemporary(beside: path)
        defer { DeskCopy.discard(temporary) }
        try stampNewFile(path: temporary, reportAs: path)
        let store: DeskStore
        do {
            var settings = connectionSettings()
            settings.prepareDatabase { db in
                try db.execute(sql: "PRAGMA journal_mode = MEMORY")
                try db.execute(sql: "PRAGMA synchronous = OFF")
            }
            store = try start(path: path, pool: try DatabaseQueue(path: temporary, configuration: settings),
                              created: true, officer: officer, clock: clock, reference: reference, upgrading: { _, _ in })
        } catch let error as DeskError {
            throw error
        } catch {
            throw DeskStoreErrors.translate(error, path: path)
        }
        let result: T
        do {
            result = try fill(store)
            try store.writeOutsideTransaction { db in
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            }
            try store.translatingErrors { try store.close() }
        } catch {
            try? store.close()
            throw error
        }
        if keep {
            try DeskCopy.sync(temporary, reportAs: path)
            try checkNameIsFree(path)
            try DeskCopy.publish(temporary, as: path)
            published = true
        }
        return result
    }

    /// Refuses a name that is taken (by anything, a dangling link included), or that has an
    /// earlier desk's log or journal beside it.
    private static func checkNameIsFree(_ path: String) throws {
        var info = stat()
        guard lstat(path, &info) != 0 else { throw DeskError.writeFailed("\(path) already exists and was left as it was") }
        try DeskFileGuard.refuseLeftovers(beside: path)
    }
}
