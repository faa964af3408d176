import DeskCore
import Foundation
import GRDB

/// Writes a request and its attachments into their tables. The full value is kept as canonical
/// JSON in `body`; the other columns are copies for indexes and lists, kept equal to it by every
/// save (which writes only those that changed).
enum RequestRows {
    static func body<T: Encodable>(_ value: T) throws -> Data {
        try DeskJSON.canonical(value)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try decode(type, from: Data(text.utf8))
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try DeskJSON.decoder().decode(type, from: data)
    }

    /// `request` as reading its body back gives it — every instant rounded to the millisecond
    /// stored — without a round trip through JSON. Refuses, as that round trip would, a request
    /// whose body could be written but not read back: a reference or an instant outside
    /// four-digit years.
    static func storable(_ request: Request) throws -> Request {
        guard RequestReference(request.reference.description) != nil else {
            throw DeskError.writeFailed("the reference \(request.reference) cannot be stored (a year of four digits is needed)")
        }
        func stored(_ date: Date) throws -> Date {
            let rounded = DeskJSON.normalized(date)
            guard DeskJSON.parseInstant(DeskJSON.formatInstant(rounded)) != nil else {
                throw DeskError.writeFailed("\(request.reference) cannot be stored: the time \(DeskJSON.formatInstant(rounded)) is out of range")
            }
            return rounded
        }
        var result = request
        result.dates.created = try stored(request.dates.created)
        result.dates.sentOrReceived = try request.dates.sentOrReceived.map(stored)
        result.dates.acknowledged = try request.dates.acknowledged.map(stored)
        result.dates.due = try request.dates.due.map(stored)
        result.dates.completed = try request.dates.completed.map(stored)
        result.updatedAt = try stored(request.updatedAt)
        for index in result.identifiers.indices {
            result.identifiers[index].observedAt = try result.identifiers[index].observedAt.map(stored)
        }
        return result
    }

    /// Inserts a new request with its index copies and full-text entry; returns the body stored.
    @discardableResult
    static func insert(_ request: Request, due: DueColumns, in db: Database) throws -> Data {
        let data = try body(request)
        let num = try insertWithoutFullText(request, body: data, due: due, in: db)
        try writeFullText([fullTextRow(request, num: num)], in: db)
        return data
    }

    /// Inserts a new request stored as `body` (its canonical JSON) with its type index, leaving
    /// the full-text entry to the caller (``writeFullText(_:in:)``, in the same transaction);
    /// returns the request's row number.
    static func insertWithoutFullText(_ request: Request, body: Data, due: DueColumns, in db: Database) throws -> Int64 {
        try db.cachedStatement(sql: insertSQL)
            .execute(arguments: StatementArguments(columns(request, due: due, body: body).map(\.value)))
        let num = db.lastInsertedRowID
        try insertTypes(request, num: num, in: db)
        return num
    }

    /// Replaces the stored request (same id) with `request`; returns the body stored. Only the
    /// columns whose value changed are written, and the type rows and full-text entry only when
    /// what they hold changed: every column named in an `UPDATE` rewrites the indexes built on
    /// it, so a note added to a request would otherwise rewrite a dozen index entries.
    @discardableResult
    static func replace(_ request: Request, due: DueColumns, in db: Database) throws -> Data {
        let data = try body(request)
        let columns = columns(request, due: due, body: data)
        guard let stored = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT num, \(columns.map(\.name).joined(separator: ", ")) FROM request WHERE id = ?"),
            arguments: [request.id.uuidString])
        else { throw DeskError.notFound("Request \(request.reference)") }
        let num: Int64 = stored["num"]
        let changed = columns.filter { column in
            (stored[column.name] as DatabaseValue) != (column.value?.databaseValue ?? .null)
        }
        if !changed.isEmpty {
            // One cached statement per set of changed columns: a handful in practice.
            try db.cachedStatement(
                sql: "UPDATE request SET \(changed.map { "\($0.name) = ?" }.joined(separator: ", ")) WHERE num = ?")
                .execute(arguments: StatementArguments(changed.map(\.value)) + [num])
        }
        if changed.contains(where: { $0.name == "types" }) {
            try db.cachedStatement(sql: "DELETE FROM request_type WHERE request_num = ?").execute(arguments: [num])
            try insertTypes(request, num: num, in: db)
        }
        let text = ftsValues(request)
        if try storedFullText(num: num, in: db) != text.map(Optional.some) {
            try db.cachedStatement(sql: "DELETE FROM request_fts WHERE rowid = ?").execute(arguments: [num])
            try writeFullText([fullTextRow(num: num, text: text.map(\.databaseValue))], in: db)
        }
        return data
    }

    /// The text of each full-text column of the request at row `num`, nil when it has no entry.
    static func storedFullText(num: Int64, in db: Database) throws -> [String?]? {
        try Row.fetchOne(
            db.cachedStatement(sql: "SELECT \(ftsColumns.joined(separator: ", ")) FROM request_fts WHERE rowid = ?"),
            arguments: [num])
            .map { row in ftsColumns.map { row[$0] as String? } }
    }

    /// The request table's columns for `request`, named as in ``columnNames``: copies for
    /// indexes and lists, and the body.
    static func columns(_ request: Request, due: DueColumns, body: Data)
        -> [(name: String, value: (any DatabaseValueConvertible)?)]
    {
        let values: [(any DatabaseValueConvertible)?] = [
            request.id.uuidString, request.direction.rawValue, request.reference.year, request.reference.sequence,
            request.reference.description, request.counterpartCountry.rawValue, request.types.first?.rawValue ?? "",
            request.types.map(\.rawValue).joined(separator: ","), request.status.rawValue, !request.status.isFinal,
            request.urgency.rawValue, request.assignedOfficer, request.operation,
        ] + due.columns.map(\.value) + [
            DeskJSON.milliseconds(request.updatedAt), request.updatedBy, request.version, String(decoding: body, as: UTF8.self),
        ]
        precondition(values.count == columnNames.count, "a request column without its name")
        return Array(zip(columnNames, values))
    }

    private static let columnNames = [
        "id", "direction", "ref_year", "ref_seq", "reference", "country", "primary_type", "types", "status", "is_open",
        "urgency", "officer", "operation",
    ] + DueColumns.names + ["updated_at", "updated_by", "version", "body"]

    /// Built once: writing the statement's text for every request was a sixth of inserting one.
    private static let insertSQL = """
        INSERT INTO request (\(columnNames.joined(separator: ", ")))
        VALUES (\(databaseQuestionMarks(count: columnNames.count)))
        """

    private static func insertTypes(_ request: Request, num: Int64, in db: Database) throws {
        let statement = try db.cachedStatement(sql: "INSERT INTO request_type (request_num, type) VALUES (?, ?)")
        for type in Set(request.types) {
            try statement.execute(arguments: [num, type.rawValue])
        }
    }

    private static let ftsColumns = [
        "reference", "foreign_reference", "operation", "authorities", "facts", "assistance", "identifiers", "notes",
    ]

    /// What the full-text index holds for `request`, in the order of ``ftsColumns``, folded as
    /// searches are (``SearchText``).
    static func ftsValues(_ request: Request) -> [String] {
        let identifiers = request.identifiers.map(\.value) + request.serviceProviders
        return [
            request.reference.description, request.foreignReference, request.operation,
            [request.counterpartAuthority, request.ourAuthority, request.counterpartCountry.rawValue,
             request.assignedOfficer].joined(separator: " "),
            request.summaryOfFacts, request.assistanceSought, identifiers.joined(separator: " "),
            [request.notes, request.confidentiality, request.limitationOfUse].joined(separator: " "),
        ].map(SearchText.folded)
    }

    /// The full-text entry of a request: its row number, then the text of each column.
    struct FullTextRow {
        var values: [DatabaseValue]
    }

    static func fullTextRow(_ request: Request, num: Int64) -> FullTextRow {
        fullTextRow(num: num, text: fullTextValues(request))
    }

    /// The full-text entry of the request at row `num`, whose text ``fullTextValues(_:)`` gave.
    static func fullTextRow(num: Int64, text: [DatabaseValue]) -> FullTextRow {
        FullTextRow(values: [num.databaseValue] + text)
    }

    /// The text of each full-text column of `request`, without its row number.
    static func fullTextValues(_ request: Request) -> [DatabaseValue] {
        ftsValues(request).map(\.databaseValue)
    }

    /// Most full-text entries one statement inserts. SQLite's FTS5 writes its pending entries to
    /// disk at the start of every later write statement of the transaction, so entries inserted
    /// one statement each become one index segment each; inserted together they share one.
    static let fullTextRowsPerStatement = 200

    /// Inserts full-text entries, many per statement.
    static func writeFullText(_ rows: [FullTextRow], in db: Database) throws {
        let row = "(" + databaseQuestionMarks(count: ftsColumns.count + 1) + ")"
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(rows.count, start + fullTextRowsPerStatement)]
            try db.cachedStatement(sql: """
                    INSERT INTO request_fts (rowid, \(ftsColumns.joined(separator: ", ")))
                    VALUES \(Array(repeating: row, count: chunk.count).joined(separator: ", "))
                    """).execute(arguments: StatementArguments(chunk.flatMap(\.values)))
            start += chunk.count
        }
    }

    // MARK: Attachments

    @discardableResult
    static func insert(_ change: StatusChange, requestID: UUID, in db: Database) throws -> (num: Int64, state: Data) {
        (try insertRow(change, requestID: requestID, in: db), try body(change))
    }

    /// Inserts the row of `change` (its body is not stored); returns its row number.
    static func insertRow(_ change: StatusChange, requestID: UUID, in db: Database) throws -> Int64 {
        try db.cachedStatement(
            sql: """
                INSERT INTO status_change (request_id, from_status, to_status, at, officer, note, ground)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).insert(
            [.text(requestID.text), .text(change.from?.rawValue), .text(change.to.rawValue),
             .integer(DeskJSON.milliseconds(change.at)), .text(change.officer), .text(change.note),
             .text(change.ground?.rawValue)])
        return db.lastInsertedRowID
    }

    static func statusChange(from row: Row) -> StatusChange {
        StatusChange(
            from: (row["from_status"] as String?).flatMap(RequestStatus.init(rawValue:)),
            to: RequestStatus(rawValue: row["to_status"]) ?? .draft,
            at: Date(timeIntervalSince1970: Double(row["at"] as Int64) / 1000), officer: row["officer"],
            note: row["note"], ground: (row["ground"] as String?).map(RefusalGroundID.init(rawValue:)))
    }

    @discardableResult
    static func upsert(_ item: ChecklistItem, position: Int, requestID: UUID, in db: Database) throws -> Data {
        let data = try body(item)
        try upsert(item, body: data, position: position, requestID: requestID, in: db)
        return data
    }

    /// Writes `item` stored as `data`, its canonical JSON.
    static func upsert(_ item: ChecklistItem, body data: Data, position: Int, requestID: UUID, in db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO checklist_item (request_id, item_id, position, body) VALUES (?, ?, ?, ?)
                ON CONFLICT (request_id, item_id) DO UPDATE SET position = excluded.position, body = excluded.body
                """).insert([.text(requestID.text), .text(item.itemID), .integer(Int64(position)), .utf8(data)])
    }

    @discardableResult
    static func upsert(_ exchange: EvidenceExchange, in db: Database) throws -> Data {
        let data = try body(exchange)
        try upsert(exchange, body: data, in: db)
        return data
    }

    /// Writes `exchange` stored as `data`, its canonical JSON.
    static func upsert(_ exchange: EvidenceExchange, body data: Data, in db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO evidence_exchange (id, request_id, at, body) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET at = excluded.at, body = excluded.body
                """).insert(
            [.text(exchange.id.text), .text(exchange.requestID.text), .integer(DeskJSON.milliseconds(exchange.at)),
             .utf8(data)])
    }

    @discardableResult
    static func upsert(_ item: EvidenceItem, position: Int, requestID: UUID, in db: Database) throws -> Data {
        let data = try body(item)
        try upsert(item, body: data, position: position, requestID: requestID, in: db)
        return data
    }

    /// Writes `item` stored as `data`, its canonical JSON.
    static func upsert(_ item: EvidenceItem, body data: Data, position: Int, requestID: UUID, in db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO evidence_item (id, exchange_id, request_id, position, body) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET position = excluded.position, body = excluded.body
                """).insert(
            [.text(item.id.text), .text(item.exchangeID.text), .text(requestID.text), .integer(Int64(position)),
             .utf8(data)])
    }

    @discardableResult
    static func insert(_ event: CustodyEvent, requestID: UUID, in db: Database) throws -> Data {
        let data = try body(event)
        try insert(event, body: data, requestID: requestID, in: db)
        return data
    }

    /// Inserts `event` stored as `data`, its canonical JSON.
    static func insert(_ event: CustodyEvent, body data: Data, requestID: UUID, in db: Database) throws {
        try db.cachedStatement(
            sql: "INSERT INTO custody_event (id, item_id, request_id, at, body) VALUES (?, ?, ?, ?, ?)").insert(
            [.text(event.id.text), .text(event.itemID.text), .text(requestID.text),
             .integer(DeskJSON.milliseconds(event.at)), .utf8(data)])
    }
}
