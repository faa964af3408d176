import DeskCore
import Foundation
import GRDB

extension DeskStore {
    /// Registers a new request. The reference's sequence is assigned here (next free number for
    /// its direction and year); the request starts at version 1 in its direction's first status.
    public func create(_ draft: Request) throws -> Request {
        try write { db in try self.insertNew(draft, in: db) }
    }

    func insertNew(_ draft: Request, in db: Database) throws -> Request {
        let now = DeskJSON.normalized(clock.now())
        var request = draft
        let year = request.reference.year
        let next = try Int.fetchOne(
            db, sql: "SELECT COALESCE(MAX(ref_seq), 0) + 1 FROM request WHERE direction = ? AND ref_year = ?",
            arguments: [request.direction.rawValue, year]) ?? 1
        request.reference = RequestReference(direction: request.direction, year: year, sequence: next)
        request.status = Workflow.initialStatus(for: request.direction)
        request.version = 1
        request.dates.created = DeskJSON.normalized(request.dates.created)
        request.updatedAt = now
        request.updatedBy = officer
        request = try RequestRows.storable(request)
        let change = StatusChange(from: nil, to: request.status, at: now, officer: officer, note: "registered")
        let due = try dueColumns(for: request, history: [change], in: db)
        let state = try RequestRows.insert(request, due: due, in: db)
        try AuditLog.append(
            .init(action: "create", entity: .request, entityID: request.id.uuidString, requestID: request.id.uuidString,
                  detail: "registered \(request.reference)", state: state),
            officer: officer, at: now, in: db)
        try appendStatusChange(change, to: request, recordedAt: now, in: db)
        try syncChecklist(for: request, at: now, in: db)
        return request
    }

    /// Saves an edited request. Refused, with who and when, if someone saved it after
    /// `request.version` was read; nothing is overwritten silently. The checklist follows a
    /// change of direction, type, legal basis or urgency (what selects its templates): filled
    /// items are kept, items no longer relevant are marked obsolete, new ones added open. A
    /// request saved without a checklist gets one; other edits leave the checklist as it is.
    public func update(_ request: Request) throws -> Request {
        try write { db in
            let stored = try self.lockedCurrent(request.id, expectedVersion: request.version, reference: request.reference, in: db)
            var next = request
            next.reference = stored.reference
            next.status = stored.status
            next.version = stored.version + 1
            next.updatedAt = DeskJSON.normalized(self.clock.now())
            next.updatedBy = self.officer
            next = try RequestRows.storable(next)
            let due = try self.dueColumns(for: next, history: try Self.history(of: next.id, in: db), in: db)
            let state = try RequestRows.replace(next, due: due, in: db)
            try AuditLog.append(
                .init(action: "update", entity: .request, entityID: next.id.uuidString, requestID: next.id.uuidString,
                      detail: FieldDiff.describe(from: try RequestRows.body(stored), to: state), state: state),
                officer: self.officer, at: next.updatedAt, in: db)
            if try !RequestCriteria.judgeAlike(stored, next) || !Self.hasChecklist(next.id, in: db) {
                try self.syncChecklist(for: next, at: next.updatedAt, in: db)
            }
            return next
        }
    }

    /// Records that a deadline's one extension was granted (``DeadlineExtension``): the
    /// request's next version, audited as an edit (`dates.extensionsGranted`), its due dates
    /// moved to the extended deadline.
    @discardableResult
    public func grantExtension(id: UUID, ruleID: String) throws -> Request {
        guard let details = try details(id: id) else { throw DeskError.notFound("Request \(id.uuidString)") }
        switch DeadlineExtension.granting(ruleID, to: details.request, history: details.history, rules: deadlineRules) {
        case .failure(let refusal): throw DeskError.transitionRefused(refusal.message)
        case .success(let extended): return try update(extended)
        }
    }

    /// Moves a request along its workflow. Refused when the workflow does not allow the step,
    /// when a refusal has no ground or a withdrawal/postponement no reason, when required
    /// checklist items gating the new status are open (``ChecklistGate``), or on a version conflict.
    /// `at` is when the step happened, if earlier than now (a request sent yesterday is recorded
    /// today): the history and the dates the deadlines count from take it; never before the
    /// request's last status change. `channel`, when given, is recorded with the step in the
    /// same transaction (the way a request was sent or received).
    public func changeStatus(id: UUID, expectedVersion: Int, to target: RequestStatus, note: String,
                             ground: RefusalGroundID?, at happened: Date? = nil, channel: ChannelID? = nil) throws -> Request {
        try write { db in
            let stored = try self.lockedCurrent(id, expectedVersion: expectedVersion, reference: nil, in: db)
            try StatusRules.check(stored, to: target, note: note, ground: ground)
            if target == .refused, let ground, let reference = self.reference,
               let problem = RefusalGroundRules.problem(ground, for: stored, reference: reference) {
                throw DeskError.transitionRefused("\(stored.reference) cannot be refused so: \(problem)")
            }
            let history = try Self.history(of: id, in: db)
            try ChecklistGate.check(stored, checklist: try Self.checklist(of: id, in: db), history: history, to: target)
            let now = DeskJSON.normalized(self.clock.now())
            let when = happened.map(DeskJSON.normalized) ?? now
            if let last = history.last?.at, when < last {
                throw DeskError.transitionRefused(
                    "\(stored.reference) last changed status at \(LocalTime.format(last)); a step cannot be recorded before it")
            }
            if when > now.addingTimeInterval(60) {
                throw DeskError.transitionRefused("\(LocalTime.format(when)) is later than now: record what has happened")
            }
            var next = stored
            next.status = target
            if let channel { next.channel = channel }
            StatusRules.stampDates(&next, entering: target, at: when)
            next.version = stored.version + 1
            next.updatedAt = now
            next.updatedBy = self.officer
            let change = StatusChange(from: stored.status, to: target, at: when, officer: self.officer,
                                      note: note, ground: target == .refused ? ground : nil)
            let due = try self.dueColumns(for: next, history: history + [change], in: db)
            let state = try RequestRows.replace(next, due: due, in: db)
            try AuditLog.append(
                .init(action: "status", entity: .request, entityID: id.uuidString, requestID: id.uuidString,
                      detail: "status: \(stored.status.rawValue) → \(target.rawValue)"
                        + (next.channel != stored.channel ? "; channel: \(next.channel?.rawValue ?? "—")" : ""),
                      state: state),
                officer: self.officer, at: now, in: db)
            try self.appendStatusChange(change, to: next, recordedAt: now, in: db)
            return next
        }
    }

    /// Appends `change` to the history; its audit row says when it was recorded, which for a
    /// step recorded after it happened is later than the step.
    func appendStatusChange(_ change: StatusChange, to request: Request, recordedAt: Date, in db: Database) throws {
        let (num, state) = try RequestRows.insert(change, requestID: request.id, in: db)
        try AuditLog.append(
            .init(action: "status_history", entity: .statusChange, entityID: AuditedEntity.statusChangeID(request: request.id.uuidString, num: num),
                  requestID: request.id.uuidString, detail: "\(change.from?.rawValue ?? "—") → \(change.to.rawValue)",
                  state: state),
            officer: officer, at: recordedAt, in: db)
    }

    /// Reads the stored request inside the write transaction and checks its version.
    func lockedCurrent(_ id: UUID, expectedVersion: Int, reference: RequestReference?, in db: Database) throws -> Request {
        guard let text = try Self.storedBody(id, in: db)
        else { throw DeskError.notFound("Request \(reference?.description ?? id.uuidString)") }
        let stored = try RequestRows.decode(Request.self, text)
        guard stored.version == expectedVersion else {
            throw DeskError.versionConflict(reference: stored.reference.description, changedBy: stored.updatedBy,
                                            changedAt: stored.updatedAt)
        }
        return stored
    }
}
