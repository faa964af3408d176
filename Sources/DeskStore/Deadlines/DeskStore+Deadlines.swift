import Crypto
import DeskCore
import Foundation
import GRDB

extension DeskStore {
    /// The deadline rules every save applies; none without reference data.
    var deadlineRules: [DeadlineRule] { reference?.deadlineRules ?? [] }

    /// Every deadline running on a request, with its manual due date and the next one due.
    public func deadlines(for id: UUID) throws -> RequestDeadlines {
        try read { db in
            guard let details = try Self.details(id: id, in: db) else { throw DeskError.notFound("Request \(id)") }
            return RequestDeadlines.compute(for: details.request, history: details.history, rules: self.deadlineRules)
        }
    }

    /// What falls due before `now + days`, overdue included, oldest first. Reads only the open
    /// requests whose earliest deadline lies in the window, found through an index.
    public func agenda(now: Date, days: Int) throws -> [AgendaEntry] {
        let horizon = DeskJSON.milliseconds(now.addingTimeInterval(TimeInterval(max(0, days)) * 86_400))
        let requests = try read { db in
            try String.fetchAll(
                db, sql: "SELECT id FROM request WHERE is_open IN (0, 1) AND first_due_at < ? ORDER BY first_due_at",
                arguments: [horizon]
            ).compactMap { id -> (request: Request, deadlines: RequestDeadlines)? in
                guard let uuid = UUID(uuidString: id), let details = try Self.details(id: uuid, in: db) else { return nil }
                return (details.request, RequestDeadlines.compute(
                    for: details.request, history: details.history, rules: self.deadlineRules))
            }
        }
        return Agenda.entries(for: requests, now: now, days: max(0, days))
    }

    /// The due columns for `request` after a change; `history` includes the change being made.
    func dueColumns(for request: Request, history: [StatusChange], in db: Database) throws -> DueColumns {
        if reference == nil {
            try DeskMeta.remove(Self.rulesKey, in: db)
        }
        return DueColumns(RequestDeadlines.compute(for: request, history: history, rules: deadlineRules))
    }

    /// The stored status history of a request, oldest first.
    static func history(of id: UUID, in db: Database) throws -> [StatusChange] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM status_change WHERE request_id = ? ORDER BY num"),
                         arguments: [id.uuidString])
            .map(RequestRows.statusChange(from:))
    }

    /// Recomputes the due columns of every request that can have one (open, or executed or
    /// answered with a preservation running) when the deadline rules differ from
    /// those last applied (or a save was made without them). The columns are copies for lists,
    /// not audited state; when any of them moves, one `deadline_rules` row in the audit trail
    /// says how many requests' due dates the new rules moved, so a deadline that shifted in the
    /// agenda can be traced to the rules file.
    func refreshDueDatesIfRulesChanged() throws {
        guard let reference, let fingerprint = deadlineRulesFingerprint else { return }
        let applied = try read { db in
            try DeskMeta.value(Self.rulesKey, in: db)
        }
        guard applied != fingerprint else { return }
        do {
            try write { db in
                let rows = try Row.fetchAll(
                    db, sql: """
                        SELECT id, \(DueColumns.names.joined(separator: ", ")) FROM request
                        WHERE is_open = 1 OR status IN (\(Self.preservationStatuses))
                        """)
                let update = try db.makeStatement(
                    sql: "UPDATE request SET \(DueColumns.names.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?")
                var moved = 0
                for row in rows {
                    let id: String = row["id"]
                    guard let uuid = UUID(uuidString: id), let body = try Self.storedBody(uuid, in: db) else { continue }
                    let due = DueColumns(RequestDeadlines.compute(
                        for: try RequestRows.decode(Request.self, body), history: try Self.history(of: uuid, in: db),
                        rules: reference.deadlineRules))
                    let values = due.columns.map { $0.value?.databaseValue ?? .null }
                    guard values != DueColumns.names.map({ row[$0] as DatabaseValue }) else { continue }
                    try update.execute(arguments: StatementArguments(values) + [id])
                    moved += 1
                }
                if moved > 0 {
                    try AuditLog.append(
                        .init(action: "deadline_rules", entity: .desk, entityID: Self.rulesKey, requestID: "",
                              detail: "the deadline rules in use (sha256 \(fingerprint.prefix(16))…) moved the due dates of \(moved) request\(moved == 1 ? "" : "s")",
                              state: Data(fingerprint.utf8)),
                        officer: officer, at: clock.now(), in: db)
                }
                try DeskMeta.set(Self.rulesKey, to: fingerprint, in: db)
            }
        } catch DeskError.readOnly {
            return
        }
    }

    /// The rules every due column was computed with, as `verify` needs them to recompute the
    /// columns; nil when unknown: no reference data, or other rules than those last applied
    /// (a desk that could not be written when they changed).
    func appliedDeadlineRules(in db: Database) throws -> [DeadlineRule]? {
        guard let reference, let fingerprint = deadlineRulesFingerprint,
            try DeskMeta.value(Self.rulesKey, in: db) == fingerprint else { return nil }
        return reference.deadlineRules
    }

    /// The rules and how they are applied: ``dueRule`` is raised whenever the way the due
    /// columns follow from the rules changes, so that every desk recomputes them once; the time
    /// zone days are counted in is part of it, so a workstation set to another zone does too.
    private var deadlineRulesFingerprint: String? {
        reference.map {
            Hex.sha256(Data("\(Self.dueRule)\n\(TimeZone.current.identifier)\n\(String(describing: $0.deadlineRules))".utf8))
        }
    }

    /// 2: a legal deadline counts even when the officer set a later date; 3: a preservation's
    /// expiry runs on while the request is executed or answered; 4: days are calendar days.
    private static let dueRule = 4

    /// The final statuses in which a preservation's expiry still runs, quoted for SQL.
    private static let preservationStatuses = RequestStatus.allCases.filter(\.keepsPreservationRunning)
        .map { "'\($0.rawValue)'" }.joined(separator: ", ")

    static let rulesKey = "deadline_rules_applied"
}
