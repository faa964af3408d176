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
            try RequestLoader.withLoadingCache(db) {
                try RequestLoader.load(into: self, action: "import", in: db) { loader in
                    for details in archive.requests {
                        let request = details.request
                        if try Self.holds(request.id, in: db), let stored = try Self.details(id: request.id, in: db) {
                            guard stored == details else {
                                throw DeskError.importRejected("\(request.reference) is already on this desk with different content")
                            }
                            summary.unchanged.append(request.reference)
                            continue
                        }
                        if try String.fetchOne(db.cachedStatement(sql: "SELECT id FROM request WHERE reference = ?"),
                                               arguments: [request.reference.description]) != nil {
                            throw DeskError.importRejected("the reference \(request.reference) is already used by another request on this desk")
                        }
                        try loader.add(details)
                        summary.added.append(request.reference)
                    }
                }
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

    /// Inserts requests with all their attachments (demo data, imports) in one transaction,
    /// every record audited.
    public func insert(_ batch: [RequestDetails], action: String) throws {
        try insert(batches: [batch], action: action)
    }

    /// Inserts batches of requests with all their attachments, every record audited, one
    /// transaction per batch: a load stopped half-way keeps the batches committed before.
    /// `committed` hears the number of requests in after each batch.
    public func insert<Batches: Sequence<[RequestDetails]>>(batches: Batches, action: String,
                                                            committed: (Int) -> Void = { _ in }) throws {
        try writeOutsideTransaction { db in
            try RequestLoader.withLoadingCache(db) {
                var done = 0
                for batch in batches {
                    try db.inTransaction(.immediate) {
                        try RequestLoader.load(into: self, action: action, in: db) { loader in
                            for details in batch {
                                try loader.add(details)
                            }
                        }
                        return .commit
                    }
                    done += batch.count
                    committed(done)
                }
            }
        }
    }

    /// Whether a request with this id is on the desk: one look-up through a prepared statement,
    /// before loading everything of the few that are.
    private static func holds(_ id: UUID, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM request WHERE id = ?)"),
                          arguments: [id.text]) ?? false
    }

    /// Inserts one request with all its attachments, every record audited, in the caller's transaction.
    func insertComplete(_ details: RequestDetails, action: String, in db: Database) throws {
        try RequestLoader.load(into: self, action: action, in: db) { try $0.add(details) }
    }
}
