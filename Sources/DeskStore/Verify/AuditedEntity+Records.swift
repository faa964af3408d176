import GRDB

/// Where each audited kind of record lives and how an audit row's entity id names it, so the
/// checks can ask SQLite for a record's latest audited state through the `audit_by_entity`
/// index instead of holding the state of every entity in memory.
extension AuditedEntity {
    /// The kinds that are rows of their own table, in the order `verify` reads them.
    static let records: [AuditedEntity] = [.request, .statusChange, .checklistItem, .exchange, .item, .custody]

    /// What the record is called in a finding.
    var label: String {
        switch self {
        case .request: "Request"
        case .statusChange: "Status history row"
        case .checklistItem: "Checklist item"
        case .exchange: "Evidence exchange"
        case .item: "Evidence item"
        case .custody: "Custody event"
        case .desk: "Desk"
        }
    }

    /// The entity id of a request's status change, as `keyFilter` parses it.
    static func statusChangeID(request requestID: String, num: Int64) -> String { "\(requestID)/status/\(num)" }

    /// The entity id of a request's checklist item, as `keyFilter` parses it.
    static func checklistItemID(request requestID: String, item itemID: String) -> String {
        "\(requestID)/checklist/\(itemID)"
    }

    /// The record's entity id, as SQL over its own row (the form the two above write).
    private var entityIDExpression: String {
        switch self {
        case .statusChange: "status_change.request_id || '/status/' || status_change.num"
        case .checklistItem: "checklist_item.request_id || '/checklist/' || checklist_item.item_id"
        default: "\(rawValue).id"
        }
    }

    /// The records with the columns their check needs, and `audited_state`: the state hash of
    /// the latest audit row about each (NULL when none names it). A filter from
    /// ``keyFilter(for:)`` may follow.
    var stateQuery: String {
        let columns = switch self {
        case .request: "*"
        case .statusChange: "*"
        case .checklistItem: "request_id, item_id, body"
        default: "id, body"
        }
        return "SELECT \(columns), \(Self.latest("state_hash", of: entityIDExpression)) AS audited_state FROM \(rawValue)"
    }

    /// A column of the latest audit row about the entity `idExpression` names.
    static func latest(_ column: String, of idExpression: String) -> String {
        "(SELECT \(column) FROM audit WHERE audit.entity_id = \(idExpression) ORDER BY audit.seq DESC LIMIT 1)"
    }

    /// The clause and arguments that find the one record `entityID` names; nil when the id
    /// cannot name a record of this kind.
    func keyFilter(for entityID: String) -> (sql: String, arguments: StatementArguments)? {
        switch self {
        case .statusChange:
            guard let (requestID, num) = Self.split(entityID, at: "/status/"), let number = Int64(num), "\(number)" == num
            else { return nil }
            return (" WHERE request_id = ? AND num = ?", [requestID, number])
        case .checklistItem:
            guard let (requestID, itemID) = Self.split(entityID, at: "/checklist/") else { return nil }
            return (" WHERE request_id = ? AND item_id = ?", [requestID, itemID])
        case .desk:
            return nil
        default:
            return (" WHERE id = ?", [entityID])
        }
    }

    private static func split(_ id: String, at separator: String) -> (String, String)? {
        guard let range = id.range(of: separator) else { return nil }
        return (String(id[..<range.lowerBound]), String(id[range.upperBound...]))
    }

    /// Whether any table holds a record with `entityID`: what an audit trail entry needs to not
    /// be reported as deleted. The table of `likely` (the kind the audit row names) is asked
    /// first, so a record where it belongs costs one look-up.
    static func isRecorded(_ entityID: String, likely: AuditedEntity? = nil, in db: Database) throws -> Bool {
        for kind in (likely.map { [$0] } ?? []) + records.filter({ $0 != likely }) {
            guard let filter = kind.keyFilter(for: entityID) else { continue }
            let sql = "SELECT 1 FROM \(kind.rawValue)\(filter.sql) LIMIT 1"
            if try Bool.fetchOne(db.cachedStatement(sql: sql), arguments: filter.arguments) != nil { return true }
        }
        return false
    }
}
