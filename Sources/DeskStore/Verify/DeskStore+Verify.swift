import DeskCore
import Foundation
import GRDB

extension DeskStore {
    /// Checks the file with SQLite, walks the audit chain from the first row, and compares every
    /// record with the state hash of its last audit row. Reads only.
    public func verify(maxRecordProblems: Int = 20) throws -> VerifyReport {
        try read { db in try Self.verify(db, maxRecordProblems: maxRecordProblems) }
    }

    /// The same checks on any open desk database, such as a backup before it gets its final name.
    static func verify(_ db: Database, maxRecordProblems: Int = 20) throws -> VerifyReport {
        let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
        var latestState: [String: String] = [:]
        var latestRequest: [String: String] = [:]
        var chainBreak: (Int64, String)?
        var expectedSequence: Int64 = 1
        var previousHash = AuditLog.genesisHash
        var rows = 0
        let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM audit ORDER BY seq")
        while let row = try cursor.next() {
            rows += 1
            let entry = AuditLog.entry(from: row)
            latestState[entry.entityID] = entry.stateHash
            latestRequest[entry.entityID] = entry.requestID
            guard chainBreak == nil else { continue }
            if entry.sequence != expectedSequence {
                chainBreak = (expectedSequence, entry.sequence > expectedSequence
                    ? "rows \(expectedSequence)–\(entry.sequence - 1) are missing"
                    : "sequence \(entry.sequence) appears out of order")
            } else if entry.previousHash != previousHash {
                chainBreak = (entry.sequence, "it does not link to the row before it (rows deleted, reordered or edited)")
            } else if AuditLog.chainHash(entry) != entry.hash {
                chainBreak = (entry.sequence, "its content was changed after it was written")
            }
            expectedSequence = entry.sequence + 1
            previousHash = entry.hash
        }
        var problems: [String] = []
        func note(_ problem: String) {
            if problems.count < maxRecordProblems { problems.append(problem) }
        }
        var seen = Set<String>()
        func check(entity: String, id: String, state: Data, label: @autoclosure () -> String) {
            seen.insert(id)
            guard let recorded = latestState[id] else {
                note("\(label()) has no audit record (added behind the program's back)")
                return
            }
            if recorded != AuditLog.sha256Hex(state) {
                note("\(label()) differs from its last audited state (changed behind the program's back)")
            }
        }
        var requestCount = 0
        let requests = try Row.fetchCursor(db, sql: "SELECT id, reference, status, version, country, body FROM request")
        while let row = try requests.next() {
            requestCount += 1
            let id: String = row["id"]
            let body: String = row["body"]
            let reference: String = row["reference"]
            check(entity: "request", id: id, state: Data(body.utf8), label: "Request \(reference)")
            if let request = try? RequestRows.decode(Request.self, body),
                request.status.rawValue != row["status"] || request.version != row["version"]
                    || request.counterpartCountry.rawValue != row["country"] || request.reference.description != reference
            {
                note("Request \(reference) has list columns that disagree with its record")
            }
        }
        let changes = try Row.fetchCursor(db, sql: "SELECT * FROM status_change")
        while let row = try changes.next() {
            let requestID: String = row["request_id"]
            let num: Int64 = row["num"]
            let state = try RequestRows.body(RequestRows.statusChange(from: row))
            check(entity: "status_change", id: "\(requestID)/status/\(num)", state: state,
                  label: "Status history row \(num)")
        }
        let checklist = try Row.fetchCursor(db, sql: "SELECT request_id, item_id, body FROM checklist_item")
        while let row = try checklist.next() {
            let requestID: String = row["request_id"]
            let itemID: String = row["item_id"]
            check(entity: "checklist_item", id: "\(requestID)/checklist/\(itemID)",
                  state: Data((row["body"] as String).utf8), label: "Checklist item \(itemID)")
        }
        for (table, label) in [("evidence_exchange", "Evidence exchange"), ("evidence_item", "Evidence item"),
                               ("custody_event", "Custody event")] {
            let cursor = try Row.fetchCursor(db, sql: "SELECT id, body FROM \(table)")
            while let row = try cursor.next() {
                let id: String = row["id"]
                check(entity: table, id: id, state: Data((row["body"] as String).utf8), label: "\(label) \(id)")
            }
        }
        let evidence = try EvidenceFindings.collect(in: db, auditedRequest: latestRequest)
        evidence.recordProblems.forEach(note)
        let entities = try Row.fetchAll(
            db, sql: "SELECT entity_id, entity FROM audit WHERE entity != 'desk' GROUP BY entity_id")
        for row in entities where !seen.contains(row["entity_id"] as String) {
            note("The \((row["entity"] as String).replacingOccurrences(of: "_", with: " ")) \(row["entity_id"] as String) in the audit trail is missing (deleted behind the program's back)")
        }
        return VerifyReport(integrityProblems: integrity, chainBreak: chainBreak, recordProblems: problems,
                            auditRows: rows, requests: requestCount, evidenceMismatches: evidence.mismatches,
                            neverVerified: evidence.neverVerified)
    }
}
