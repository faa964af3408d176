import DeskCore
import Foundation
import GRDB

/// Compares records with the state hash their latest audit row recorded, one record at a time,
/// and keeps the first findings (up to `limit`). Each record's audited state comes from an
/// indexed lookup in the same query, so memory does not grow with the desk.
struct RecordStateChecks {
    let limit: Int
    /// The deadline rules the due columns were computed with; nil when they cannot be known
    /// (no reference data, or rules changed on a desk that could not be written), and then
    /// the due columns are not compared.
    let rules: [DeadlineRule]?
    private(set) var problems: [String] = []
    /// Requests read.
    private(set) var requests = 0

    init(limit: Int, rules: [DeadlineRule]?) {
        self.limit = limit
        self.rules = rules
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
                try check(kind, row, in: db)
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
            try check(kind, row, in: db)
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

    /// The counts by status and by type that the home page and the list's tabs read must be
    /// those of the requests.
    mutating func checkCounts(in db: Database) throws {
        let pairs = [
            ("the counts by status", """
                SELECT direction, status, is_open, country, urgency, n FROM request_count WHERE n != 0
                """, """
                SELECT direction, status, is_open, country, urgency, count(*) FROM request
                GROUP BY direction, status, country, urgency
                """),
            ("the counts by type", """
                SELECT type, direction, status, is_open, country, urgency, n FROM request_type_count WHERE n != 0
                """, """
                SELECT t.type, r.direction, r.status, r.is_open, r.country, r.urgency, count(*)
                FROM request_type t JOIN request r ON r.num = t.request_num
                GROUP BY t.type, r.direction, r.status, r.country, r.urgency
                """),
        ]
        for (label, kept, counted) in pairs {
            let differs = try Bool.fetchOne(db, sql: """
                SELECT EXISTS (\(kept) EXCEPT \(counted)) OR EXISTS (\(counted) EXCEPT \(kept))
                """) ?? false
            if differs {
                note("\(label.prefix(1).uppercased() + label.dropFirst()) disagree with the requests (changed behind the program's back)")
            }
        }
    }

    /// The desk's triggers, which make the trail append-only and keep the counts, are the
    /// program's own (``DeskTriggers``).
    mutating func checkTriggers(in db: Database) throws {
        try DeskTriggers.problems(in: db).forEach { note($0) }
    }

    /// The keys this desk accepts packages from are those its trail trusted and did not
    /// untrust, each as it was trusted: a key slipped into the table would let its holder's
    /// packages in as a partner's.
    mutating func checkTrustedKeys(in db: Database) throws {
        var audited: [String: String] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT entity_id, action, state_hash FROM audit
            WHERE \(Self.desk("key/")) AND action IN ('key_trust', 'key_untrust') ORDER BY seq
            """)
        while let row = try rows.next() {
            let id = String((row["entity_id"] as String).dropFirst("key/".count))
            audited[id] = row["action"] == "key_trust" ? row["state_hash"] : nil
        }
        for key in try DeskStore.trustedKeys(in: db) {
            switch audited.removeValue(forKey: key.keyID) {
            case nil: note("The trusted key \(key.keyID) (\(key.label)) was never trusted through the program (added behind its back)")
            case Hex.sha256(try RequestRows.body(key)): break
            default: note("The trusted key \(key.keyID) (\(key.label)) differs from what was trusted (changed behind the program's back)")
            }
        }
        for id in audited.keys.sorted() {
            note("The trusted key \(id) was removed without being untrusted (deleted behind the program's back)")
        }
    }

    /// The packages this desk took in, against the trail's `package_import` rows. The table is
    /// what refuses a package a second time: a row deleted behind the program's back would let
    /// the package be imported again, and a row added would refuse one never imported.
    mutating func checkImportedPackages(in db: Database) throws {
        var audited: [String: String] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT entity_id, state_hash FROM audit WHERE \(Self.desk("package/")) AND action = 'package_import' ORDER BY seq
            """)
        while let row = try rows.next() {
            audited[String((row["entity_id"] as String).dropFirst("package/".count))] = row["state_hash"]
        }
        let imported = try Row.fetchCursor(db, sql: "SELECT package_id, manifest_sha256 FROM imported_package ORDER BY package_id")
        while let row = try imported.next() {
            let id: String = row["package_id"]
            switch audited.removeValue(forKey: id) {
            case nil: note("The imported package \(id) was never imported through the program (added behind its back)")
            case Hex.sha256(Data((row["manifest_sha256"] as String).utf8)): break
            default: note("The imported package \(id) differs from what was imported (changed behind the program's back)")
            }
        }
        for id in audited.keys.sorted() {
            note("The imported package \(id) is missing from the packages this desk took in (deleted behind the program's back; it could be imported again)")
        }
    }

    /// The desk's own audit rows whose entity id starts with `prefix` (`key/`), through the
    /// index by entity id: a `LIKE` read every row of the trail.
    private static func desk(_ prefix: String) -> String {
        let after = String(prefix.dropLast()) + String(UnicodeScalar(prefix.unicodeScalars.last!.value + 1)!)
        return "entity_id >= '\(prefix)' AND entity_id < '\(after)' AND entity = 'desk'"
    }

    private mutating func noteMissing(entity: String, id: String) {
        note("The \(entity.replacingOccurrences(of: "_", with: " ")) \(id) in the audit trail is missing (deleted behind the program's back)")
    }

    private mutating func check(_ kind: AuditedEntity, _ row: Row, in db: Database) throws {
        let audited: String? = row["audited_state"]
        switch kind {
        case .request:
            requests += 1
            let body: String = row["body"]
            let reference: String = row["reference"]
            compare(audited, Data(body.utf8), label: "Request \(reference)")
            if let request = try? RequestRows.decode(Request.self, body) {
                let due = try rules.map { rules in
                    DueColumns(RequestDeadlines.compute(
                        for: request, history: try DeskStore.history(of: request.id, in: db), rules: rules))
                }
                let wrong = try RequestRows.disagreeingCopies(of: request, stored: row, due: due, in: db)
                if !wrong.isEmpty {
                    note("Request \(reference) has copies for lists and search that disagree with its record (changed behind the program's back): \(wrong.joined(separator: ", "))")
                }
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
