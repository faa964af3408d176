import DeskCore
import Foundation
import GRDB

/// Writes whole requests — each with its history, checklist, evidence and custody, every record
/// audited — many in one transaction, as demo data and imports arrive.
///
/// Bulk loading is where the desk spends minutes, so the loader keeps the head of the audit
/// chain in memory instead of reading it for every row, and gathers the requests' full-text
/// entries to insert them many per statement (``RequestRows/fullTextRowsPerStatement``). Use it
/// through ``load(into:action:in:_:)``, which writes the last entries before returning.
struct RequestLoader {
    private let store: DeskStore
    private let action: String
    /// Where the requests came from, added to every audit row's detail (a package and its sender).
    private let origin: String?
    private let db: Database
    private var audit: AuditLog.Writer
    private var fullText: [RequestRows.FullTextRow] = []

    private init(store: DeskStore, action: String, origin: String?, db: Database) throws {
        self.store = store
        self.action = action
        self.origin = origin
        self.db = db
        audit = try AuditLog.Writer(in: db)
    }

    /// Runs `body` with a loader on `db`, inside the caller's transaction, then writes the
    /// full-text entries still gathered. Nothing else may write audit rows during `body`.
    static func load<T>(into store: DeskStore, action: String, origin: String? = nil, in db: Database,
                        _ body: (inout RequestLoader) throws -> T) throws -> T {
        var loader = try RequestLoader(store: store, action: action, origin: origin, db: db)
        let result = try body(&loader)
        try loader.writeFullText()
        return result
    }

    /// Runs `body` with the connection's page cache raised to ``cachePages``, then restores it.
    ///
    /// Each request lands in a dozen indexes at places as random as its ids, so a load touches
    /// pages all over a large desk: with SQLite's default 2 MiB cache nearly every touch reads
    /// the page again, and a batch spills changed pages to the log in the middle of its
    /// transaction, to be written again at commit. Kept across the batches of one load, the
    /// cache also keeps the pages that the next batch changes again.
    static func withLoadingCache<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try db.execute(sql: "PRAGMA cache_size = \(cachePages)")
        defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
        return try body()
    }

    /// The page cache while loading, as SQLite's `cache_size` (negative: KiB): 256 MiB, held
    /// only while a load runs.
    static let cachePages = -262_144

    /// Inserts `details` as it is (its id, reference, version and history), every record with
    /// its audit row.
    mutating func add(_ details: RequestDetails) throws {
        try add(PreparedRequest(details))
    }

    /// Inserts a prepared request as it is, every record with its audit row.
    mutating func add(_ prepared: PreparedRequest) throws {
        let request = prepared.request.value
        let id = request.id.text
        let at = store.clock.now()
        let due = try store.dueColumns(for: request, history: prepared.details.history, in: db)
        let num = try RequestRows.insertWithoutFullText(request, body: prepared.request.body, due: due, in: db)
        fullText.append(RequestRows.fullTextRow(num: num, text: prepared.fullText))
        try record(.request, id, of: id, "\(action) \(request.reference)", prepared.request.stateHash, at: at)
        for change in prepared.history {
            let num = try RequestRows.insertRow(change.value, requestID: request.id, in: db)
            try record(.statusChange, AuditedEntity.statusChangeID(request: id, num: num), of: id,
                       "\(change.value.from?.rawValue ?? "—") → \(change.value.to.rawValue)", change.stateHash, at: at)
        }
        for (position, item) in prepared.checklist.enumerated() {
            try RequestRows.upsert(item.value, body: item.body, position: position, requestID: request.id, in: db)
            try record(.checklistItem, AuditedEntity.checklistItemID(request: id, item: item.value.itemID), of: id,
                       "checklist \(item.value.itemID): \(item.value.state.rawValue)", item.stateHash, at: at)
        }
        for exchange in prepared.exchanges {
            try RequestRows.upsert(exchange.value, body: exchange.body, in: db)
            try record(.exchange, exchange.value.id.text, of: id, "evidence \(exchange.value.flow.rawValue)",
                       exchange.stateHash, at: at)
        }
        for (position, item) in prepared.items.enumerated() {
            try RequestRows.upsert(item.value, body: item.body, position: position, requestID: request.id, in: db)
            try record(.item, item.value.id.text, of: id, "evidence item \(item.value.category.rawValue)",
                       item.stateHash, at: at)
        }
        for event in prepared.custody {
            try RequestRows.insert(event.value, body: event.body, requestID: request.id, in: db)
            try record(.custody, event.value.id.text, of: id, "custody \(event.value.kind.rawValue)", event.stateHash, at: at)
        }
        if fullText.count >= RequestRows.fullTextRowsPerStatement {
            try writeFullText()
        }
    }

    private mutating func record(_ entity: AuditedEntity, _ entityID: String, of requestID: String, _ detail: String,
                                 _ stateHash: String, at: Date) throws {
        try audit.append(.init(action: action, entity: entity, entityID: entityID, requestID: requestID,
                               detail: origin.map { "\(detail) (\($0))" } ?? detail, stateHash: stateHash),
                         officer: store.officer, at: at)
    }

    private mutating func writeFullText() throws {
        try RequestRows.writeFullText(fullText, in: db)
        fullText.removeAll(keepingCapacity: true)
    }
}
