import DeskCore
import Foundation
import GRDB

/// What `verify` says about evidence beyond the audit chain: records whose columns no longer
/// agree with their body or their audit trail (moved to another request behind the program's
/// back), items whose hashes disagree, and items never verified.
struct EvidenceFindings {
    var recordProblems: [String] = []
    var mismatches: [String] = []
    var neverVerified: [String] = []

    /// `auditedRequest` maps each audited entity id to the request its last audit row names.
    static func collect(in db: Database, auditedRequest: [String: String]) throws -> EvidenceFindings {
        var findings = EvidenceFindings()
        let references = Dictionary(
            try Row.fetchAll(db, sql: "SELECT id, reference FROM request").map { ($0["id"] as String, $0["reference"] as String) },
            uniquingKeysWith: { first, _ in first })
        func placed(_ label: String, id: String, requestID: String) {
            if let audited = auditedRequest[id], audited != requestID {
                findings.recordProblems.append("\(label) was moved to another request behind the program's back")
            }
        }
        var exchangeRequest: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, request_id, at, body FROM evidence_exchange") {
            let id: String = row["id"]
            let requestID: String = row["request_id"]
            exchangeRequest[id] = requestID
            let label = "Evidence exchange \(short(id))"
            guard let exchange = try? RequestRows.decode(EvidenceExchange.self, row["body"]) else { continue }
            if exchange.id.uuidString != id || exchange.requestID.uuidString != requestID
                || DeskJSON.milliseconds(exchange.at) != row["at"] {
                findings.recordProblems.append("\(label) has columns that disagree with its record")
            }
            placed(label, id: id, requestID: requestID)
        }
        var itemRequest: [String: String] = [:]
        var items: [(EvidenceItem, String)] = []
        for row in try Row.fetchAll(db, sql: "SELECT id, exchange_id, request_id, body FROM evidence_item ORDER BY request_id, position") {
            let id: String = row["id"]
            let requestID: String = row["request_id"]
            itemRequest[id] = requestID
            let label = "Evidence item \(short(id))"
            guard let item = try? RequestRows.decode(EvidenceItem.self, row["body"]) else { continue }
            if item.id.uuidString != id || item.exchangeID.uuidString != row["exchange_id"]
                || exchangeRequest[row["exchange_id"]] != requestID {
                findings.recordProblems.append("\(label) has columns that disagree with its record")
            }
            placed(label, id: id, requestID: requestID)
            items.append((item, requestID))
        }
        var timelines: [UUID: [CustodyEvent]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, item_id, request_id, at, body FROM custody_event ORDER BY num") {
            let id: String = row["id"]
            let requestID: String = row["request_id"]
            let label = "Custody event \(short(id))"
            guard let event = try? RequestRows.decode(CustodyEvent.self, row["body"]) else { continue }
            if event.id.uuidString != id || event.itemID.uuidString != row["item_id"]
                || itemRequest[row["item_id"]] != requestID || DeskJSON.milliseconds(event.at) != row["at"] {
                findings.recordProblems.append("\(label) has columns that disagree with its record")
            }
            placed(label, id: id, requestID: requestID)
            timelines[event.itemID, default: []].append(event)
        }
        for (item, requestID) in items {
            let integrity = ItemIntegrity(item: item, timeline: timelines[item.id] ?? [])
            let label = "Evidence item \(EvidenceID.short(item.id)) of \(references[requestID] ?? requestID) (\(item.description))"
            if integrity.hashes == .mismatch {
                let algorithms = item.mismatchedAlgorithms.map(\.label)
                findings.mismatches.append("\(label): declared and computed \(algorithms.joined(separator: ", ")) differ")
            } else if let last = integrity.lastVerification, last.kind == .verificationFailed {
                findings.mismatches.append("\(label): the last verification failed (\(DeskJSON.formatInstant(last.at)))")
            }
            if integrity.isNeverVerified {
                findings.neverVerified.append(integrity.hashes == .notComputed
                    ? "\(label) has never been hashed" : "\(label) has never been verified")
            }
        }
        return findings
    }

    private static func short(_ id: String) -> String {
        String(id.lowercased().prefix(8))
    }
}
