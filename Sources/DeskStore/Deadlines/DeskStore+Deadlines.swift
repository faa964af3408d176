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
                db, sql: "SELECT id FROM request WHERE is_open = 1 AND first_due_at < ? ORDER BY first_due_at",
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

    /// Recomputes the due columns of every open request when the deadline rules differ from
    /// those last applied (or a save was made without them). The columns are copies for lists,
    /// not audited state, so this leaves the audit trail alone.
    func refreshDueDatesIfRulesChanged() throws {
        guard let reference else { return }
        let fingerprint = Hex.sha256(Data(String(describing: reference.deadlineRules).utf8))
        let applied = try read { db in
            try DeskMeta.value(Self.rulesKey, in: db)
        }
        guard applied != fingerprint else { return }
        do {
            try write { db in
                let ids = try String.fetchAll(db, sql: "SELECT id FROM request WHERE is_open = 1")
                let update = try db.makeStatement(
                    sql: "UPDATE request SET \(DueColumns.names.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?")
                for id in ids {
                    guard let uuid = UUID(uuidString: id), let body = try Self.storedBody(uuid, in: db) else { continue }
                    let due = DueColumns(RequestDeadlines.compute(
                        for: try RequestRows.decode(Request.self, body), history: try Self.history(of: uuid, in: db),
                        rules: reference.deadlineRules))
                    try update.execute(arguments: StatementArguments(due.columns.map(\.value)) + [id])
                }
                try DeskMeta.set(Self.rulesKey, to: fingerprint, in: db)
            }
        } catch DeskError.readOnly {
            return
        }
    }

    static let rulesKey = "deadline_rules_applied"
}
