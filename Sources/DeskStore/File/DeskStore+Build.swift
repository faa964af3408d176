import DeskCore
import Foundation
import GRDB

extension DeskStore {
    /// Makes a new desk at `path` filled by `fill` (demo data, an import), built aside under a
    /// temporary name and named only once `fill` has returned: the desk appears whole or not at
    /// all, and a name that exists is never replaced.
    ///
    /// While it is being built nothing else can know the file, so it is written without SQLite's
    /// write-ahead log (its rollback journal kept in memory, so a transaction that fails still
    /// rolls back) and without waiting for the disk at each commit: every page is written once
    /// instead of to the log and then again into the file, a fifth to a third less time for a
    /// large load. That is safe only because the file has no name yet: a crash, a signal (the
    /// command line removes the file, see ``ScratchPaths``) or a failed `fill` leaves at most the
    /// temporary file. Once `fill` is done the file is switched to WAL, synced to the disk, and
    /// linked to its name, unless `keep` is false (a dry run): then it is removed. `fill`'s store
    /// names `path` in its errors and is closed on return; open the desk again to use it.
    public static func build<T>(path: String, officer: String, clock: any Clock = SystemClock(),
                                reference: ReferenceData?, keep: Bool = true,
                                _ fill: (DeskStore) throws -> T) throws -> T {
        let folder = DeskCopy.folderOf(path)
        try DeskFileGuard.createPrivateDirectories(folder)
        let temporary = try DeskCopy.makeTemporary(beside: path)
        ScratchPaths.add(temporary)
        defer { ScratchPaths.remove(temporary) }
        try stampNewFile(path: temporary)
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
            try store.close()
        } catch {
            try? store.close()
            throw error
        }
        if keep {
            try DeskCopy.sync(temporary, reportAs: path)
            try DeskCopy.publish(temporary, as: path)
        }
        return result
    }
}
