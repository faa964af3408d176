import DeskCore
import Foundation
import GRDB

/// Compares records with the state hash their latest audit row recorded, one record at a time,
/// and keeps the first findings (up to `limit`). Each record's audited state comes from an
/// indexed lookup in the same query, so memory does not grow with the desk.
struct RecordStateChecks {
    let limit: Int
    private(set) var problems: [String] = []
    /// Requests read.
    private(set) var requests = 0

    init(limit: Int) {
        self.limit = limit
    }

    mutating func note(_ problem: String) {
        if problems.count < limit { problems.append(problem) }
    }

    /// Every record of every audited table.
    mutating func checkAll(in db: Database, cancellation: Cancellation) throws {
        for kind in AuditedEntity.records {
            let cursor = try Row.fetchCursor(db, sql: kind.stateQuery)
            while let row = try cursor.next() {
                try cancellation.throwIfCancelled()
                try check(kind, row)
            }
        }
    }

    /// The one record an audit row names, or a finding that it is gone. Returns whether the
    /// record is there.
    @discardableResult
    mutating func check(entity: String, id: String, in db: Database) throws -> Bool {
        if let kind = AuditedEntity(rawValue: entity), let filter = kind.keyFilter(for: id),
            let row = try Row.fetchOne(db.cachedStatement(sql: kind.stateQuery + filter.sql), arguments: filter.arguments)
        {
            try check(kind, row)
            return true
        }
        if try !AuditedEntity.isRecorded(id, in: db) {
            noteMissing(entity: entity, id: id)
        }
        return false
    }

    /// Every entity the audit trail names must still be there; read in entity id order through
    /// the `audit_by_entity` index, one entity at a time.
    mutating func checkNothingMissing(in db: Database, cancellation: Cancellation) throws {
        let entities = try Row.fetchCursor(
            db, sql: "SELECT entity_id, entity FROM audit WHERE entity != 'desk' GROUP BY entity_id ORDER BY entity_id")
        while let row = try entities.next() {
            try cancellation.throwIfCancelled()
            let id: String = row["entity_id"]
            let entity: String = row["entity"]
            if try !AuditedEntity.isRecorded(id, likely: AuditedEntity(rawValue: entity), in: db) {
                noteMissing(entity: entity, id: id)
            }
        }
    }

    private mutating func noteMissing(entity: String, id: String) {
        note("The \(entity.replacingOccurrences(of: "_", with: " ")) \(id) in the audit trail is missing (deleted behind the program's back)")
    }

    private mutating func check(_ kind: AuditedEntity, _ row: Row) throws {
        let audited: String? = row["audited_state"]
        switch kind {
        case .request:
            requests += 1
            let body: String = row["body"]
            let reference: String = row["reference"]
            compare(audited, Data(body.utf8), label: "Request \(reference)")
            if let request = try? RequestRows.decode(Request.self, body),
                request.status.rawValue != row["status"] || request.version != row["version"]
                    || request.counterpartCountry.rawValue != row["country"] || request.reference.description != reference
            {
                note("Request \(reference) has list columns that disagree with its record")
            }
        case .statusChange:
            let num: Int64 = row["num"]
            compare(audited, try RequestRows.body(RequestRows.statusChange(from: row)), label: "\(kind.label) \(num)")
        case .checklistItem:
            compare(audited, Data((row["body"] as String).utf8), label: "\(kind.label) \(row["item_id"] as String)")
        case .exchange, .item, .custody:
            compare(audited, Data((row["body"] as String).utf8), label: "\(kind.label) \(row["id"] as String)")
        case .desk:
            break
        }
    }

    private mutating func compare(_ audited: String?, _ state: Data, label: String) {
        guard let audited else {
            note("\(label) has no audit record (added behind the program's back)")
            return
        }
        if audited != Hex.sha256(state) {
            note("\(label) differs from its last audited state (changed behind the program's back)")
        }
    }
}
