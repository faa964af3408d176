import DeskCore
import Foundation
import GRDB

extension DeskStore {
    /// Brings a request here up to the later version a package carries: the request is
    /// replaced, and only what is new or changed among its history, checklist, evidence and
    /// custody is written, each with its audit row, whose detail ends with `origin` (the package
    /// and its sender). History and custody stay append-only; this desk's own verifications of
    /// received items stay with them.
    func applyUpdate(_ incoming: RequestDetails, over local: RequestDetails, origin: String, in db: Database) throws {
        let request = try RequestRows.storable(incoming.request)
        let id = request.id.uuidString
        let at = clock.now()
        let due = try dueColumns(for: request, history: incoming.history, in: db)
        let state = try RequestRows.replace(request, due: due, in: db)
        try AuditLog.append(
            .init(action: "import", entity: .request, entityID: id, requestID: id,
                  detail: "import \(request.reference) v\(local.request.version) → v\(request.version): "
                    + FieldDiff.describe(from: local.request, to: request) + " (\(origin))",
                  state: state),
            officer: officer, at: at, in: db)
        for change in incoming.history.dropFirst(local.history.count) {
            let (num, state) = try RequestRows.insert(change, requestID: request.id, in: db)
            try AuditLog.append(
                .init(action: "import", entity: .statusChange, entityID: AuditedEntity.statusChangeID(request: id, num: num), requestID: id,
                      detail: "\(change.from?.rawValue ?? "—") → \(change.to.rawValue) (\(origin))", state: state),
                officer: officer, at: at, in: db)
        }
        for (position, item) in incoming.checklist.enumerated() {
            let state = try RequestRows.upsert(item, position: position, requestID: request.id, in: db)
            guard !local.checklist.contains(item) else { continue }
            try AuditLog.append(
                .init(action: "import", entity: .checklistItem, entityID: AuditedEntity.checklistItemID(request: id, item: item.itemID), requestID: id,
                      detail: "checklist \(item.itemID): \(item.state.rawValue) (\(origin))", state: state),
                officer: officer, at: at, in: db)
        }
        for exchange in incoming.exchanges where !local.exchanges.contains(exchange) {
            let state = try RequestRows.upsert(exchange, in: db)
            try AuditLog.append(
                .init(action: "import", entity: .exchange, entityID: exchange.id.uuidString, requestID: id,
                      detail: "evidence \(exchange.flow.rawValue) (\(origin))", state: state),
                officer: officer, at: at, in: db)
        }
        for (position, item) in incoming.items.enumerated() {
            let state = try RequestRows.upsert(item, position: position, requestID: request.id, in: db)
            guard !local.items.contains(item) else { continue }
            try AuditLog.append(
                .init(action: "import", entity: .item, entityID: item.id.uuidString, requestID: id,
                      detail: "evidence item \(item.category.rawValue) (\(origin))", state: state),
                officer: officer, at: at, in: db)
        }
        for event in ImportPlanner.newCustody(in: incoming, over: local) {
            let state = try RequestRows.insert(event, requestID: request.id, in: db)
            try AuditLog.append(
                .init(action: "import", entity: .custody, entityID: event.id.uuidString, requestID: id,
                      detail: "custody \(event.kind.rawValue) (\(origin))", state: state),
                officer: officer, at: at, in: db)
        }
    }
}
