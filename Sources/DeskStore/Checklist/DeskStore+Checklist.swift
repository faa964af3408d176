import DeskCore
import Foundation
import GRDB

extension DeskStore {
    /// A request's checklist in display order, obsolete items last.
    public func checklist(for id: UUID) throws -> [ChecklistItem] {
        try read { db in
            guard try Self.holdsRequest(id, in: db) else { throw DeskError.notFound("Request \(id)") }
            return try Self.checklist(of: id, in: db)
        }
    }

    /// Applies an officer's changes to one item (in order, in one transaction, one audit row),
    /// recording who and when. The request's version is not raised: checklist items are records
    /// of their own, so ticking an item never conflicts with someone editing the request. Given
    /// the item as the officer `seen` it, the change is refused when the item changed since (a
    /// note written meanwhile on another desk session is never overwritten).
    @discardableResult
    public func changeChecklistItem(requestID: UUID, itemID: String, _ changes: [ChecklistChange],
                                    seen: ChecklistItem? = nil) throws -> ChecklistItem {
        try write { db in
            guard let body = try Self.storedBody(requestID, in: db)
            else { throw DeskError.notFound("Request \(requestID)") }
            let request = try RequestRows.decode(Request.self, body)
            let items = try Self.checklist(of: requestID, in: db)
            guard let position = items.firstIndex(where: { $0.itemID == itemID }) else {
                throw DeskError.notFound("Checklist item '\(itemID)' of \(request.reference)")
            }
            if let seen, seen != items[position] {
                let stored = items[position]
                let by = stored.changedBy.isEmpty ? "" : " by \(stored.changedBy)"
                let when = stored.changedAt.map { " at \(DeskJSON.formatInstant($0))" } ?? ""
                throw DeskError.checklistRefused("“\(stored.label)” of \(request.reference) was changed\(by)\(when) since it was shown; "
                    + "nothing was changed. It is shown again as it is now.")
            }
            if changes.contains(where: { if case .notApplicable = $0 { true } else { false } }),
               let templates = self.reference?.checklistTemplates,
               let problem = ChecklistBuilder.waiverProblem(items[position], of: request, templates: templates) {
                throw DeskError.checklistRefused(problem)
            }
            let now = DeskJSON.normalized(self.clock.now())
            let before = items[position]
            var item = before
            for change in changes {
                do {
                    item = try change.apply(to: item, officer: self.officer, at: now)
                } catch let refusal as ChecklistEditError {
                    throw DeskError.checklistRefused(refusal.message)
                }
            }
            var same = item
            (same.changedBy, same.changedAt) = (before.changedBy, before.changedAt)
            guard same != before else {
                throw DeskError.checklistRefused("“\(before.label)” of \(request.reference) is already \(before.state.words)"
                    + (changes.contains { if case .note = $0 { true } else { false } } ? ", with that note" : "")
                    + "; nothing was changed")
            }
            let state = try RequestRows.upsert(item, position: position, requestID: requestID, in: db)
            let words = changes.map(\.summary).joined(separator: ", ")
            try AuditLog.append(
                .init(action: "checklist", entity: .checklistItem, entityID: AuditedEntity.checklistItemID(request: requestID.uuidString, item: itemID),
                      requestID: requestID.uuidString, detail: "checklist \(itemID): \(words)", state: state),
                officer: self.officer, at: now, in: db)
            return item
        }
    }

    /// Rebuilds the checklist of `request` from the templates and writes what changed, each
    /// changed item with its audit row. Does nothing without reference data.
    func syncChecklist(for request: Request, at now: Date, in db: Database) throws {
        guard let templates = reference?.checklistTemplates else { return }
        let stored = try Self.checklist(of: request.id, in: db)
        let rebuilt = ChecklistBuilder.build(for: request, templates: templates, existing: stored)
        let storedByID = Dictionary(stored.enumerated().map { ($1.itemID, (position: $0, item: $1)) },
                                    uniquingKeysWith: { first, _ in first })
        for (position, item) in rebuilt.enumerated() {
            let old = storedByID[item.itemID]
            guard old?.item != item || old?.position != position else { continue }
            let state = try RequestRows.upsert(item, position: position, requestID: request.id, in: db)
            guard old?.item != item else { continue }
            let what: String =
                switch (old?.item, item.isObsolete) {
                case (nil, _): "added"
                case (_, true): "no longer applies"
                case (let previous?, false) where previous.isObsolete: "applies again"
                default: "template updated"
                }
            try AuditLog.append(
                .init(action: "checklist", entity: .checklistItem, entityID: AuditedEntity.checklistItemID(request: request.id.uuidString, item: item.itemID),
                      requestID: request.id.uuidString, detail: "checklist \(item.itemID): \(what)", state: state),
                officer: officer, at: now, in: db)
        }
    }

    static func checklist(of id: UUID, in db: Database) throws -> [ChecklistItem] {
        try String.fetchAll(db.cachedStatement(sql: "SELECT body FROM checklist_item WHERE request_id = ? ORDER BY position"),
                            arguments: [id.uuidString])
            .map { try RequestRows.decode(ChecklistItem.self, $0) }
    }

    static func hasChecklist(_ id: UUID, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM checklist_item WHERE request_id = ?)"),
                          arguments: [id.uuidString]) ?? false
    }
}
