import DeskCore
import Foundation
import GRDB

/// Writes a request and its attachments into their tables. The full value is kept as canonical
/// JSON in `body`; the other columns are copies for indexes and lists, rewritten on every save.
enum RequestRows {
    static func body<T: Encodable>(_ value: T) throws -> Data {
        try DeskJSON.encoder().encode(value)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try DeskJSON.decoder().decode(type, from: Data(text.utf8))
    }

    /// Inserts a new request with its index copies and full-text entry; returns the body stored.
    @discardableResult
    static func insert(_ request: Request, due: DueColumns, in db: Database) throws -> Data {
        let data = try body(request)
        let columns = columns(request, due: due, body: data)
        try db.execute(
            sql: """
                INSERT INTO request (\(columns.map(\.name).joined(separator: ", ")))
                VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
                """,
            arguments: StatementArguments(columns.map(\.value)))
        let num = db.lastInsertedRowID
        try insertTypes(request, num: num, in: db)
        try db.execute(sql: ftsInsert, arguments: [num] + StatementArguments(ftsValues(request)))
        return data
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
            db, sql: "SELECT num, \(columns.map(\.name).joined(separator: ", ")) FROM request WHERE id = ?",
            arguments: [request.id.uuidString])
        else { throw DeskError.notFound("Request \(request.reference)") }
        let num: Int64 = stored["num"]
        let changed = columns.filter { column in
            (stored[column.name] as DatabaseValue) != (column.value?.databaseValue ?? .null)
        }
        if !changed.isEmpty {
            try db.execute(
                sql: "UPDATE request SET \(changed.map { "\($0.name) = ?" }.joined(separator: ", ")) WHERE num = ?",
                arguments: StatementArguments(changed.map(\.value)) + [num])
        }
        if changed.contains(where: { $0.name == "types" }) {
            try db.execute(sql: "DELETE FROM request_type WHERE request_num = ?", arguments: [num])
            try insertTypes(request, num: num, in: db)
        }
        let text = ftsValues(request)
        let storedText = try Row.fetchOne(
            db, sql: "SELECT \(ftsColumns.joined(separator: ", ")) FROM request_fts WHERE rowid = ?", arguments: [num])
            .map { row in ftsColumns.map { row[$0] as String? } }
        if storedText != text.map(Optional.some) {
            try db.execute(sql: "DELETE FROM request_fts WHERE rowid = ?", arguments: [num])
            try db.execute(sql: ftsInsert, arguments: [num] + StatementArguments(text))
        }
        return data
    }

    /// The request table's columns for `request`: copies for indexes and lists, and the body.
    private static func columns(_ request: Request, due: DueColumns, body: Data)
        -> [(name: String, value: (any DatabaseValueConvertible)?)]
    {
        [
            ("id", request.id.uuidString), ("direction", request.direction.rawValue),
            ("ref_year", request.reference.year), ("ref_seq", request.reference.sequence),
            ("reference", request.reference.description), ("country", request.counterpartCountry.rawValue),
            ("primary_type", request.types.first?.rawValue ?? ""),
            ("types", request.types.map(\.rawValue).joined(separator: ",")), ("status", request.status.rawValue),
            ("is_open", !request.status.isFinal), ("urgency", request.urgency.rawValue),
            ("officer", request.assignedOfficer), ("operation", request.operation),
            ("due_at", due.next.map(DeskJSON.milliseconds)), ("first_due_at", due.earliest.map(DeskJSON.milliseconds)),
            ("preservation_due_at", due.preservationExpiry.map(DeskJSON.milliseconds)),
            ("updated_at", DeskJSON.milliseconds(request.updatedAt)), ("updated_by", request.updatedBy),
            ("version", request.version), ("body", String(decoding: body, as: UTF8.self)),
        ]
    }

    private static func insertTypes(_ request: Request, num: Int64, in db: Database) throws {
        for type in Set(request.types) {
            try db.execute(sql: "INSERT INTO request_type (request_num, type) VALUES (?, ?)", arguments: [num, type.rawValue])
        }
    }

    private static let ftsColumns = [
        "reference", "foreign_reference", "operation", "authorities", "facts", "assistance", "identifiers", "notes",
    ]

    private static let ftsInsert = """
        INSERT INTO request_fts (rowid, \(ftsColumns.joined(separator: ", ")))
        VALUES (?, \(Array(repeating: "?", count: ftsColumns.count).joined(separator: ", ")))
        """

    /// What the full-text index holds for `request`, in the order of ``ftsColumns``.
    private static func ftsValues(_ request: Request) -> [String] {
        let identifiers = request.identifiers.map(\.value) + request.serviceProviders
        return [
            request.reference.description, request.foreignReference, request.operation,
            [request.counterpartAuthority, request.ourAuthority, request.counterpartCountry.rawValue,
             request.assignedOfficer].joined(separator: " "),
            request.summaryOfFacts, request.assistanceSought, identifiers.joined(separator: " "),
            [request.notes, request.confidentiality, request.limitationOfUse].joined(separator: " "),
        ]
    }

    // MARK: Attachments

    @discardableResult
    static func insert(_ change: StatusChange, requestID: UUID, in db: Database) throws -> (num: Int64, state: Data) {
        try db.execute(
            sql: """
                INSERT INTO status_change (request_id, from_status, to_status, at, officer, note, ground)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [requestID.uuidString, change.from?.rawValue, change.to.rawValue, DeskJSON.milliseconds(change.at),
                        change.officer, change.note, change.ground?.rawValue])
        return (db.lastInsertedRowID, try body(change))
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
        try db.execute(
            sql: """
                INSERT INTO checklist_item (request_id, item_id, position, body) VALUES (?, ?, ?, ?)
                ON CONFLICT (request_id, item_id) DO UPDATE SET position = excluded.position, body = excluded.body
                """,
            arguments: [requestID.uuidString, item.itemID, position, String(decoding: data, as: UTF8.self)])
        return data
    }

    @discardableResult
    static func upsert(_ exchange: EvidenceExchange, in db: Database) throws -> Data {
        let data = try body(exchange)
        try db.execute(
            sql: """
                INSERT INTO evidence_exchange (id, request_id, at, body) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET at = excluded.at, body = excluded.body
                """,
            arguments: [exchange.id.uuidString, exchange.requestID.uuidString, DeskJSON.milliseconds(exchange.at),
                        String(decoding: data, as: UTF8.self)])
        return data
    }

    @discardableResult
    static func upsert(_ item: EvidenceItem, position: Int, requestID: UUID, in db: Database) throws -> Data {
        let data = try body(item)
        try db.execute(
            sql: """
                INSERT INTO evidence_item (id, exchange_id, request_id, position, body) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET position = excluded.position, body = excluded.body
                """,
            arguments: [item.id.uuidString, item.exchangeID.uuidString, requestID.uuidString, position,
                        String(decoding: data, as: UTF8.self)])
        return data
    }

    @discardableResult
    static func insert(_ event: CustodyEvent, requestID: UUID, in db: Database) throws -> Data {
        let data = try body(event)
        try db.execute(
            sql: "INSERT INTO custody_event (id, item_id, request_id, at, body) VALUES (?, ?, ?, ?, ?)",
            arguments: [event.id.uuidString, event.itemID.uuidString, requestID.uuidString,
                        DeskJSON.milliseconds(event.at), String(decoding: data, as: UTF8.self)])
        return data
    }
}
