import CSQLiteSettings
import DeskCore
import Foundation
import GRDB

/// The case file: one SQLite file holding every request, its history, checklist, evidence and
/// the audit trail.
///
/// Every change and its audit row commit in one `BEGIN IMMEDIATE` transaction with
/// `synchronous=FULL`, so a save is durable when it returns and a crash loses nothing that was
/// reported saved. Reads never load more than a page. (A desk being built aside has no name
/// yet and is synced once, when it gets one: ``build(path:officer:clock:reference:keep:_:)``.)
public final class DeskStore: Sendable {
    public let path: String
    /// Who is recorded in the audit trail for changes made through this store.
    public let officer: String
    public let clock: any Clock
    /// This desk's identity, made when the file was created; exchange packages name it.
    public let deskID: String
    /// The reference data whose checklist templates and deadline rules every save applies.
    /// Without it the store keeps checklists as they are and knows only manual due dates; the
    /// command line and the desk always pass it.
    public let reference: ReferenceData?
    /// A pool of connections in WAL mode; a desk being built aside has a single connection
    /// without the log (``build(path:officer:clock:reference:keep:_:)``).
    let pool: any DatabaseWriter
    /// The verifies running on their own connections, which ``close()`` stops.
    let runningChecks = RunningChecks()
    /// Which recent searches match too much to look up match by match (``RequestQuerySQL``).
    let breadth = BreadthMemo()
    /// The matches of the last search, while nothing has been committed (``WordSelection``).
    let textMatches = FullTextMatchCache()

    private init(path: String, officer: String, clock: any Clock, pool: any DatabaseWriter, deskID: String,
                 reference: ReferenceData?) {
        self.path = path
        self.officer = officer
        self.clock = clock
        self.pool = pool
        self.deskID = deskID
        self.reference = reference
    }

    /// How long a writer waits for another process's write transaction before giving up.
    public static let busyTimeout: TimeInterval = 5

    /// The page cache of each connection, in KiB: 8 MiB.
    ///
    /// A keystroke in the list walks an index of the list's fields and looks its page's rows up
    /// in another; at 100,000 requests each such index is 7–9 MB, so SQLite's default 2 MiB
    /// read most of those pages from the file again on every key (a field filter took half as
    /// long again as at 10,000 requests). 8 MiB keeps them, for 6 MiB more at the memory peak
    /// of a desk scrolled end to end; a connection fills its cache only as far as it reads.
    static let pageCacheKiB = 8_192

    /// Applies SQLite's process-wide settings (memory statistics off, statement journals kept
    /// in memory; see `CSQLiteSettings`). A program calls it first thing, before any
    /// thread opens a connection: SQLite takes these settings only before it starts, and not
    /// while another thread uses it. Returns whether they took effect; without them the desk
    /// works the same, more slowly.
    @discardableResult
    public static func applySQLiteSettings() -> Bool {
        mladesk_sqlite_configure() == 0  // SQLITE_OK
    }

    /// Opens the desk at `path`, creating it when missing (and allowed). A file that is not a
    /// desk, or is from a newer program, is refused before SQLite writes anything to it.
    /// With `reference`, due dates are recomputed once when its deadline rules changed since the
    /// desk was last opened, so edited rules reach every request. `upgrading` hears the desk's
    /// format and the one it is about to be upgraded to before an upgrade starts: rebuilding
    /// indexes of a large desk takes a while, once, and the officer should know why.
    public static func open(path: String, officer: String, clock: any Clock = SystemClock(),
                            createIfMissing: Bool = true, reference: ReferenceData? = nil,
                            upgrading: (_ from: Int, _ to: Int) -> Void = { _, _ in }) throws -> DeskStore {
        let outcome = try DeskFileGuard.prepare(path: path, createIfMissing: createIfMissing)
        if outcome == .created {
            try stampNewFile(path: path)
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: connectionSettings())
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
        } catch {
            throw DeskStoreErrors.translate(error, path: path)
        }
        return try start(path: path, pool: pool, created: outcome == .created, officer: officer, clock: clock,
                         reference: reference, upgrading: upgrading)
    }

    /// The settings of every connection to a desk.
    static func connectionSettings() -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.label = "desk"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = -\(pageCacheKiB)")
        }
        return configuration
    }

    /// Checks the desk's identity, brings its format up to date, reads (or makes) its id and
    /// refreshes its due dates when the deadline rules changed.
    static func start(path: String, pool: any DatabaseWriter, created: Bool, officer: String, clock: any Clock,
                      reference: ReferenceData?, upgrading: (_ from: Int, _ to: Int) -> Void) throws -> DeskStore {
        do {
            let version = try checkIdentity(pool, path: path)
            if !created, version > 0, version < DeskFormat.currentVersion {
                upgrading(version, DeskFormat.currentVersion)
            }
            try DeskMigrations.migrator.migrate(pool)
        } catch let error as DeskError {
            throw error
        } catch {
            throw DeskStoreErrors.translate(error, path: path)
        }
        let deskID = try readOrCreateDeskID(pool, path: path, clock: clock)
        let store = DeskStore(path: path, officer: officer, clock: clock, pool: pool, deskID: deskID, reference: reference)
        try store.refreshDueDatesIfRulesChanged()
        return store
    }

    /// Writes the application id into a brand-new file before WAL is switched on, so the
    /// identity is in the main file's header from the first moment (not only in the WAL).
    /// Failures name `reportAs` (the desk's name while a file is built aside under another).
    static func stampNewFile(path: String, reportAs: String? = nil) throws {
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA application_id = \(DeskFormat.applicationID)")
            }
            try queue.close()
        } catch {
            throw DeskStoreErrors.translate(error, path: reportAs ?? path)
        }
    }

    /// Refuses a file that is not a desk or is newer than this program; returns its format.
    private static func checkIdentity(_ pool: any DatabaseWriter, path: String) throws -> Int {
        let (applicationID, version) = try pool.read { db in
            (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0, try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0)
        }
        guard applicationID == DeskFormat.applicationID else {
            throw DeskError.notADesk(path: path, reason: "it is an SQLite database of another program")
        }
        if version > DeskFormat.currentVersion {
            throw DeskError.newerFormat(path: path, version: version)
        }
        let superseded = try pool.read { try DeskMigrations.migrator.hasBeenSuperseded($0) }
        if superseded {
            throw DeskError.newerFormat(path: path, version: version)
        }
        return version
    }

    private static func readOrCreateDeskID(_ pool: any DatabaseWriter, path: String, clock: any Clock) throws -> String {
        do {
            if let existing = try pool.read({ try DeskMeta.value("desk_id", in: $0) }) {
                return existing
            }
            let id = UUID().uuidString.lowercased()
            try pool.write { db in
                try db.execute(sql: "INSERT INTO desk_meta (key, value) VALUES ('desk_id', ?), ('created_at', ?)",
                               arguments: [id, DeskJSON.formatInstant(clock.now())])
            }
            return id
        } catch {
            throw DeskStoreErrors.translate(error, path: path)
        }
    }

    /// Runs `body` in one immediate write transaction, translating failures into ``DeskError``.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try writeOutsideTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            return result!
        }
    }

    /// Runs `body` on the writer connection, which opens its own transactions (one per batch
    /// of a bulk load), translating failures into ``DeskError``.
    func writeOutsideTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        try translatingErrors { try pool.writeWithoutTransaction(body) }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try translatingErrors { try pool.read(body) }
    }

    /// Runs `work`, letting a ``DeskError`` and a `CancellationError` through and turning any
    /// other failure (SQLite's, the file system's) into the ``DeskError`` that names it.
    func translatingErrors<T>(_ work: () throws -> T) throws -> T {
        do {
            return try work()
        } catch let error as DeskError {
            throw error
        } catch let error as CancellationError {
            throw error
        } catch {
            throw DeskStoreErrors.translate(error, path: path)
        }
    }

    /// The `synchronous` level of the writer connection (2 = FULL); tests check it holds.
    public func synchronousLevel() throws -> Int {
        try pool.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA synchronous") ?? -1 }
    }

    /// Stops any running verify (it ends with `CancellationError`) and closes the database;
    /// later calls fail. It waits for a stopped check to leave (a moment), never for a verify
    /// to run to its end.
    ///
    /// The read-only connections close before the writer: SQLite folds the log into the desk
    /// file and removes `-wal` and `-shm` only when the last connection to close can write, and
    /// GRDB's pool closes its writer first. Left behind, the log held the latest saves, so a
    /// copy of the desk file alone lacked them, and the next open had to replay it.
    /// Folds the log into the desk file now, as closing does, and says what the officer must
    /// know when it cannot: the saves are whole in the log (`-wal`) beside the desk, which must
    /// stay with it. Closing cannot say so; a full-screen session ending on a full disk would
    /// otherwise end as if all were in the desk file. Nil when folded, or when another program
    /// reading the desk holds the log (its own closing folds it).
    public func foldLogProblem() -> String? {
        do {
            try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            return nil
        } catch {
            let problem = DeskStoreErrors.translate(error, path: path)
            let reason: String
            switch problem {
            case .readOnly: return nil
            case let .writeFailed(text): reason = text
            default: reason = problem.description
            }
            let log = AbsolutePath.of(path) + "-wal"
            return "The log \(log) could not be folded into the desk file (\(reason)): "
                + "every save is in it. Keep it beside the desk file (copy both together); the next opening with room "
                + "on the disk folds it in."
        }
    }

    public func close() throws {
        runningChecks.stopAll()
        (pool as? DatabasePool)?.releaseMemory()
        try pool.close()
    }
}
