import DeskCore
import Foundation
import GRDB

extension DeskStore {
    /// What an import did (or, for a dry run, would do).
    public struct ImportSummary: Sendable, Equatable {
        public var added: [RequestReference]
        public var unchanged: [RequestReference]
    }

    /// Requests with everything attached, for export. `nil` references means all, in reference order.
    public func archive(references: [RequestReference]?) throws -> RequestArchive {
        let details: [RequestDetails] = try read { db in
            let ids: [String]
            if let references {
                ids = try references.map { reference in
                    guard let id = try String.fetchOne(db, sql: "SELECT id FROM request WHERE reference = ?",
                                                       arguments: [reference.description])
                    else { throw DeskError.notFound("Request \(reference)") }
                    return id
                }
            } else {
                ids = try String.fetchAll(db, sql: "SELECT id FROM request ORDER BY direction, ref_year, ref_seq")
            }
            return try ids.compactMap { try Self.details(id: UUID(uuidString: $0)!, in: db) }
        }
        return RequestArchive(exportedAt: DeskJSON.normalized(clock.now()), deskID: deskID, requests: details)
    }

    /// Imports an archive all-or-nothing: everything is validated first, then applied in one
    /// transaction. A request already here with the same content is skipped; one with other
    /// content, or a reference taken by another request, refuses the whole import.
    public func importArchive(_ archive: RequestArchive, reference: ReferenceData, dryRun: Bool = false) throws -> ImportSummary {
        if let problem = ArchiveValidator(reference: reference).firstProblem(in: archive) {
            throw DeskError.importRejected(problem)
        }
        let apply = { (db: Database) throws -> ImportSummary in
            var summary = ImportSummary(added: [], unchanged: [])
            for details in archive.requests {
                let request = details.request
                if let stored = try Self.details(id: request.id, in: db) {
                    guard stored == details else {
                        throw DeskError.importRejected("\(request.reference) is already on this desk with different content")
                    }
                    summary.unchanged.append(request.reference)
                    continue
                }
                if try String.fetchOne(db, sql: "SELECT id FROM request WHERE reference = ?",
                                       arguments: [request.reference.description]) != nil {
                    throw DeskError.importRejected("the reference \(request.reference) is already used by another request on this desk")
                }
                try self.insertComplete(details, action: "import", in: db)
                summary.added.append(request.reference)
            }
            if !dryRun {
                try AuditLog.append(
                    .init(action: "import", entity: .desk, entityID: self.deskID, requestID: "",
                          detail: "imported \(summary.added.count) request(s) from desk \(archive.deskID)",
                          state: Data()),
                    officer: self.officer, at: self.clock.now(), in: db)
            }
            return summary
        }
        if dryRun {
            return try write { db in
                var summary: ImportSummary?
                try db.inSavepoint {
                    summary = try apply(db)
                    return .rollback
                }
                return summary!
            }
        }
        return try write(apply)
    }

    /// Inserts requests with all their attachments (demo data, imports) in one transaction each
    /// batch, every record audited.
    public func insert(_ batch: [RequestDetails], action: String) throws {
        try write { db in
            for details in batch {
                try self.insertComplete(details, action: action, in: db)
            }
        }
    }

    func insertComplete(_ details: RequestDetails, action: String, in db: Database) throws {
        let request = try normalized(details.request)
        let id = request.id.uuidString
        let at = clock.now()
        let due = try dueColumns(for: request, history: details.history, in: db)
        let state = try RequestRows.insert(request, due: due, in: db)
        try AuditLog.append(
            .init(action: action, entity: .request, entityID: id, requestID: id,
                  detail: "\(action) \(request.reference)", state: state),
            officer: officer, at: at, in: db)
        for change in details.history {
            let (num, state) = try RequestRows.insert(change, requestID: request.id, in: db)
            try AuditLog.append(
                .init(action: action, entity: .statusChange, entityID: "\(id)/status/\(num)", requestID: id,
                      detail: "\(change.from?.rawValue ?? "—") → \(change.to.rawValue)", state: state),
                officer: officer, at: at, in: db)
        }
        for (position, item) in details.checklist.enumerated() {
            let state = try RequestRows.upsert(item, position: position, requestID: request.id, in: db)
            try AuditLog.append(
                .init(action: action, entity: .checklistItem, entityID: "\(id)/checklist/\(item.itemID)", requestID: id,
                      detail: "checklist \(item.itemID): \(item.state.rawValue)", state: state),
                officer: officer, at: at, in: db)
        }
        for exchange in details.exchanges {
            let state = try RequestRows.upsert(exchange, in: db)
            try AuditLog.append(
                .init(action: action, entity: .exchange, entityID: exchange.id.uuidString, requestID: id,
                      detail: "evidence \(exchange.flow.rawValue)", state: state),
                officer: officer, at: at, in: db)
        }
        for (position, item) in details.items.enumerated() {
            let state = try RequestRows.upsert(item, position: position, requestID: request.id, in: db)
            try AuditLog.append(
                .init(action: action, entity: .item, entityID: item.id.uuidString, requestID: id,
                      detail: "evidence item \(item.category.rawValue)", state: state),
                officer: officer, at: at, in: db)
        }
        for event in details.custody {
            let state = try RequestRows.insert(event, requestID: request.id, in: db)
            try AuditLog.append(
                .init(action: action, entity: .custody, entityID: event.id.uuidString, requestID: id,
                      detail: "custody \(event.kind.rawValue)", state: state),
                officer: officer, at: at, in: db)
        }
    }
}
