import DeskCore
import Foundation
import GRDB

/// What `verify` says about evidence beyond the audit chain: records whose columns no longer
/// agree with their body or their audit trail (moved to another request behind the program's
/// back), items whose hashes disagree, and items never verified.
///
/// Rows are read through cursors; what each row is compared with (the request its latest audit
/// row names, its exchange's or item's request, its request's reference) comes from indexed
/// lookups in the same query, and custody timelines are read one request at a time.
struct EvidenceFindings {
    var recordProblems: [String] = []
    var mismatches: [String] = []
    var neverVerified: [String] = []
    /// The ids of the items behind `mismatches`, in the same order.
    var mismatchedItems: [String] = []

    private static let exchanges = """
        SELECT id, request_id, at, body, \(AuditedEntity.latest("request_id", of: "evidence_exchange.id")) AS audited_request
        FROM evidence_exchange
        """
    private static let items = """
        SELECT id, exchange_id, request_id, body,
            (SELECT request_id FROM evidence_exchange WHERE evidence_exchange.id = evidence_item.exchange_id) AS exchange_request,
            (SELECT reference FROM request WHERE request.id = evidence_item.request_id) AS reference,
            \(AuditedEntity.latest("request_id", of: "evidence_item.id")) AS audited_request
        FROM evidence_item
        """
    private static let custody = """
        SELECT id, item_id, request_id, at, body,
            (SELECT request_id FROM evidence_item WHERE evidence_item.id = custody_event.item_id) AS item_request,
            \(AuditedEntity.latest("request_id", of: "custody_event.id")) AS audited_request
        FROM custody_event
        """
    private static let itemOrder = " ORDER BY request_id, position"

    /// Every evidence record of the desk.
    static func collect(in db: Database, cancellation: Cancellation) throws -> EvidenceFindings {
        var findings = EvidenceFindings()
        let exchangeRows = try Row.fetchCursor(db, sql: exchanges)
        while let row = try exchangeRows.next() {
            try cancellation.throwIfCancelled()
            findings.checkExchange(row)
        }
        var timelines = RequestTimelines()
        let itemRows = try Row.fetchCursor(db, sql: items + itemOrder)
        while let row = try itemRows.next() {
            try cancellation.throwIfCancelled()
            guard let item = findings.checkItem(row) else { continue }
            try findings.judge(item, row: row, timeline: try timelines.timeline(of: item, requestID: row["request_id"], in: db),
                           listNeverVerified: true, in: db)
        }
        let custodyRows = try Row.fetchCursor(db, sql: custody + " ORDER BY num")
        while let row = try custodyRows.next() {
            try cancellation.throwIfCancelled()
            findings.checkCustody(row)
        }
        return findings
    }

    /// The column checks of one evidence record that an audit row names.
    mutating func check(_ kind: AuditedEntity, id: String, in db: Database) throws {
        let query = switch kind {
        case .exchange: Self.exchanges
        case .item: Self.items
        case .custody: Self.custody
        default: ""
        }
        guard !query.isEmpty, let row = try Row.fetchOne(db.cachedStatement(sql: query + " WHERE id = ?"), arguments: [id])
        else { return }
        switch kind {
        case .exchange: checkExchange(row)
        case .item: _ = checkItem(row)
        default: checkCustody(row)
        }
    }

    /// The hash findings of the items `ids` name, in the order the full verify lists them.
    mutating func judgeItems(_ ids: Set<String>, in db: Database) throws {
        guard !ids.isEmpty else { return }
        let placeholders = databaseQuestionMarks(count: ids.count)
        let rows = try Row.fetchCursor(db, sql: Self.items + " WHERE id IN (\(placeholders))" + Self.itemOrder,
                                       arguments: StatementArguments(Array(ids)))
        var timelines = RequestTimelines()
        while let row = try rows.next() {
            guard let item = try? RequestRows.decode(EvidenceItem.self, row["body"]) else { continue }
            try judge(item, row: row, timeline: try timelines.timeline(of: item, requestID: row["request_id"], in: db),
                  listNeverVerified: false, in: db)
        }
    }

    private mutating func checkExchange(_ row: Row) {
        let id: String = row["id"]
        let requestID: String = row["request_id"]
        let label = "Evidence exchange \(id)"
        guard let exchange = try? RequestRows.decode(EvidenceExchange.self, row["body"]) else { return }
        if exchange.id.uuidString != id || exchange.requestID.uuidString != requestID
            || DeskJSON.milliseconds(exchange.at) != row["at"] {
            recordProblems.append("\(label) has columns that disagree with its record")
        }
        placed(label, row: row, requestID: requestID)
    }

    /// The item when its body reads.
    private mutating func checkItem(_ row: Row) -> EvidenceItem? {
        let id: String = row["id"]
        let requestID: String = row["request_id"]
        let label = "Evidence item \(id)"
        guard let item = try? RequestRows.decode(EvidenceItem.self, row["body"]) else { return nil }
        if item.id.uuidString != id || item.exchangeID.uuidString != row["exchange_id"]
            || row["exchange_request"] as String? != requestID {
            recordProblems.append("\(label) has columns that disagree with its record")
        }
        placed(label, row: row, requestID: requestID)
        return item
    }

    private mutating func checkCustody(_ row: Row) {
        let id: String = row["id"]
        let requestID: String = row["request_id"]
        let label = "Custody event \(id)"
        guard let event = try? RequestRows.decode(CustodyEvent.self, row["body"]) else { return }
        if event.id.uuidString != id || event.itemID.uuidString != row["item_id"]
            || row["item_request"] as String? != requestID || DeskJSON.milliseconds(event.at) != row["at"] {
            recordProblems.append("\(label) has columns that disagree with its record")
        }
        placed(label, row: row, requestID: requestID)
    }

    private mutating func placed(_ label: String, row: Row, requestID: String) {
        if let audited = row["audited_request"] as String?, audited != requestID {
            recordProblems.append("\(label) was moved to another request behind the program's back")
        }
    }

    private mutating func judge(_ item: EvidenceItem, row: Row, timeline: [CustodyEvent], listNeverVerified: Bool,
                                in db: Database) throws {
        let requestID: String = row["request_id"]
        let integrity = ItemIntegrity(item: item, timeline: timeline)
        guard integrity.hashes == .mismatch || integrity.lastVerification?.kind == .verificationFailed
            || (listNeverVerified && integrity.isNeverVerified) else { return }
        let siblings = try String.fetchAll(
            db.cachedStatement(sql: "SELECT id FROM evidence_item WHERE request_id = ? UNION ALL SELECT id FROM evidence_exchange WHERE request_id = ?"),
            arguments: [requestID, requestID]).compactMap(UUID.init(uuidString:))
        let label = "Evidence item \(EvidenceID.short(item.id, among: siblings)) of \(row["reference"] as String? ?? requestID) (\(item.description))"
        if integrity.hashes == .mismatch {
            let algorithms = item.mismatchedAlgorithms.map(\.label)
            mismatches.append("\(label): declared and computed \(algorithms.joined(separator: ", ")) differ")
            mismatchedItems.append(row["id"])
        } else if let last = integrity.lastVerification, last.kind == .verificationFailed {
            mismatches.append("\(label): the last verification failed (\(DeskJSON.formatInstant(last.at)))")
            mismatchedItems.append(row["id"])
        }
        if listNeverVerified, integrity.isNeverVerified {
            neverVerified.append(integrity.hashes == .notComputed
                ? "\(label) has never been hashed" : "\(label) has never been verified")
        }
    }
}

/// The custody events of one request at a time, grouped by item: items are read in request
/// order, so only the current request's events are held.
private struct RequestTimelines {
    private var requestID: String?
    private var events: [UUID: [CustodyEvent]] = [:]

    mutating func timeline(of item: EvidenceItem, requestID: String, in db: Database) throws -> [CustodyEvent] {
        if requestID != self.requestID {
            self.requestID = requestID
            events = [:]
            let rows = try String.fetchCursor(
                db.cachedStatement(sql: "SELECT body FROM custody_event WHERE request_id = ? ORDER BY num"),
                arguments: [requestID])
            while let body = try rows.next() {
                guard let event = try? RequestRows.decode(CustodyEvent.self, body) else { continue }
                events[event.itemID, default: []].append(event)
            }
        }
        return events[item.id] ?? []
    }
}
