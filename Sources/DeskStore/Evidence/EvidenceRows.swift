import DeskCore
import Foundation
import GRDB

/// Reads evidence records inside a transaction, with the request each belongs to.
enum EvidenceRows {
    static func exchange(_ id: UUID, in db: Database) throws -> EvidenceExchange {
        guard let body = try String.fetchOne(db, sql: "SELECT body FROM evidence_exchange WHERE id = ?",
                                             arguments: [id.uuidString])
        else { throw DeskError.notFound("Evidence exchange \(EvidenceID.short(id))") }
        return try RequestRows.decode(EvidenceExchange.self, body)
    }

    /// The item, its position and the id of its request.
    static func item(_ id: UUID, in db: Database) throws -> (item: EvidenceItem, position: Int, requestID: UUID) {
        guard let row = try Row.fetchOne(db, sql: "SELECT body, position, request_id FROM evidence_item WHERE id = ?",
                                         arguments: [id.uuidString]),
            let requestID = UUID(uuidString: row["request_id"])
        else { throw DeskError.notFound("Evidence item \(EvidenceID.short(id))") }
        return (try RequestRows.decode(EvidenceItem.self, row["body"]), row["position"], requestID)
    }

    static func nextPosition(requestID: UUID, in db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(position), -1) + 1 FROM evidence_item WHERE request_id = ?",
                         arguments: [requestID.uuidString]) ?? 0
    }

    static func custody(itemID: UUID, in db: Database) throws -> [CustodyEvent] {
        try String.fetchAll(db, sql: "SELECT body FROM custody_event WHERE item_id = ? ORDER BY num",
                            arguments: [itemID.uuidString])
            .map { try RequestRows.decode(CustodyEvent.self, $0) }
    }

    static func requestExists(_ id: UUID, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM request WHERE id = ?", arguments: [id.uuidString]) ?? false
    }
}
