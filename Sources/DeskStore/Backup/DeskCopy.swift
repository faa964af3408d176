import DeskCore
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// The steps a backup and a restore share: a consistent copy through SQLite's online backup API
/// into a fresh private file beside its final name, checked (identity, then the desk's own
/// verify with SQLite's integrity check), synced, and only then given its final name. A copy that fails any step is
/// removed; the final name is never overwritten.
enum DeskCopy {
    /// A new empty file 0600 beside `final`, whatever the umask; SQLite's journal inherits its mode.
    static func makeTemporary(beside final: String) throws -> String {
        let folder = folderOf(final)
        let name = (final as NSString).lastPathComponent
        let temporary = "\(folder)/.\(name).\(UUID().uuidString.prefix(8).lowercased()).tmp"
        let fd = open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            throw DeskError.writeFailed("the folder \(folder) cannot be written (\(PrivateFiles.reason()))")
        }
        fchmod(fd, 0o600)
        close(fd)
        for suffix in companions { ScratchPaths.add(temporary + suffix) }
        return temporary
    }

    /// Copies `source` into the empty `temporary` and leaves it a self-contained file (no WAL).
    static func copy(from source: some DatabaseReader, into temporary: String, reportAs path: String) throws {
        do {
            let destination = try DatabaseQueue(path: temporary)
            defer { try? destination.close() }
            try source.backup(to: destination)
            try destination.writeWithoutTransaction { db in
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
            }
        } catch {
            throw DeskStoreErrors.translate(error, path: path)
        }
    }

    /// Checks a copy before it gets its name: the desk's identity and format, then the desk's
    /// verify, which runs SQLite's full `integrity_check` and walks the audit chain and every
    /// record. (`quick_check` is not used: SQLite 3.40, as shipped with Debian 12, reports a
    /// false "NULL value" for the NOT NULL key columns of the desk's WITHOUT ROWID tables.)
    static func check(_ temporary: String, reportAs path: String) throws -> VerifyReport {
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: temporary, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in
                guard try Int32.fetchOne(db, sql: "PRAGMA application_id") == DeskFormat.applicationID else {
                    throw DeskError.notADesk(path: path, reason: "it is an SQLite database of another program")
                }
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                guard version <= DeskFormat.currentVersion else {
                    throw DeskError.newerFormat(path: path, version: version)
                }
                return try DeskStore.verify(db)
            }
        } catch let error as DeskError {
            throw error
        } catch {
            throw DeskStoreErrors.translate(error, path: path)
        }
    }

    /// Flushes the copy's bytes to the disk before it is named.
    static func sync(_ temporary: String, reportAs path: String) throws {
        let fd = open(temporary, O_RDONLY | O_CLOEXEC)
        guard fd >= 0, fsync(fd) == 0 else {
            let reason = PrivateFiles.reason()
            if fd >= 0 { close(fd) }
            throw DeskError.writeFailed("\(path) could not be synced to the disk (\(reason))")
        }
        close(fd)
    }

    /// Gives the copy its final name with `link`, which fails rather than replace anything that
    /// appeared there meanwhile, then drops the temporary name and syncs the folder.
    static func publish(_ temporary: String, as final: String) throws {
        guard link(temporary, final) == 0 else {
            let exists = errno == EEXIST
            let reason = PrivateFiles.reason()
            throw DeskError.writeFailed(exists
                ? "\(final) already exists and was left as it was"
                : "\(final) could not be named (\(reason))")
        }
        forget(temporary)
        PrivateFiles.syncDirectory(folderOf(final))
    }

    /// Removes a copy that failed, with anything SQLite left beside it.
    static func discard(_ temporary: String) {
        forget(temporary)
    }

    /// Removes the temporary name and its journal, which a signal would otherwise remove
    /// (``ScratchPaths``): a stopped backup must not leave a whole copy of the case file on
    /// the removable drive it was going to.
    private static func forget(_ temporary: String) {
        for suffix in companions { ScratchPaths.remove(temporary + suffix) }
    }

    /// The copy and what SQLite may make beside it while it is written and checked.
    private static let companions = ["", "-journal", "-wal", "-shm"]

    static func folderOf(_ path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// `YYYYMMDD-HHMMSS` in local time, for names that sort by when they were made.
    static func stamp(_ date: Date, timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02d-%02d%02d%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0,
                      c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }
}
