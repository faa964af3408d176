import DeskCore
import Foundation
import GRDB

extension DeskStore {
    /// What an import did (or, for a dry run, would do).
    public struct ImportSummary: Sendable, Equatable {
        public var added: [RequestReference]
        public var unchanged: [RequestReference]
    }

    /// Requests with everything attached, for export. `nil` references means all, in reference
    /// order; a reference named twice is exported once.
    public func archive(references: [RequestReference]?) throws -> RequestArchive {
        let details: [RequestDetails] = try read { db in
            let ids: [String]
            if let references {
                var named = Set<RequestReference>()
                ids = try references.filter { named.insert($0).inserted }.map { reference in
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

    /// Imports an archive all-or-nothing, in one transaction: each request is checked
    /// (``ArchiveValidator``) before it is written, and the first problem in the archive's order —
    /// a request that is not valid, one the desk holds with other content, a reference another
    /// request has — rolls the whole import back. A request already here with the same content
    /// is skipped.
    public func importArchive(_ archive: RequestArchive, reference: ReferenceData, dryRun: Bool = false) throws -> ImportSummary {
        try importRequests(count: archive.requests.count, from: archive.deskID, reference: reference, dryRun: dryRun) {
            archive.requests[$0]
        }
    }

    /// Imports an archive file as ``importArchive(_:reference:dryRun:)-(RequestArchive,_,_)``
    /// does, decoding each request on the preparing thread while the writer writes those
    /// before it; a request that does not decode is one more problem, named with its path.
    public func importArchive(_ input: ArchiveInput, reference: ReferenceData, dryRun: Bool = false) throws -> ImportSummary {
        switch input.form {
        case let .whole(archive):
            return try importArchive(archive, reference: reference, dryRun: dryRun)
        case let .parts(parts):
            let known = ArchiveParts.knownFields()
            return try importRequests(count: parts.count, from: parts.header.deskID, reference: reference, dryRun: dryRun,
                                      fieldProblem: { parts.fieldProblem(at: $0, prepared: $1, known: known) }) { index in
                try parts.request(at: index, with: DeskJSON.decoder())
            }
        }
    }

    /// Imports `request(0)` to `request(count - 1)`, each got, checked and prepared on the
    /// preparing thread (``LoadPipeline``) while this one writes, in one transaction.
    ///
    /// Getting a request from a file (decoding it) costs as much as preparing it, and the two
    /// keep the writer waiting a little; a third thread for the decoding was slower on two
    /// cores (10.5 against 9.4 s for 10,000, five alternated pairs).
    private func importRequests(count: Int, from deskID: String, reference: ReferenceData, dryRun: Bool,
                                fieldProblem: (@Sendable (Int, PreparedRequest) -> String?)? = nil,
                                request: @escaping @Sendable (Int) throws -> RequestDetails) throws -> ImportSummary {
        if let problem = ArchiveValidator.deskIDProblem(deskID) {
            throw DeskError.importRejected(problem)
        }
        let apply = { (db: Database) throws -> ImportSummary in
            var summary = ImportSummary(added: [], unchanged: [])
            try RequestLoader.withLoadingCache(db) {
                try RequestLoader.load(into: self, action: "import", in: db) { loader in
                    try LoadPipeline<[PreparedRequest]>.run(capacity: 4) { send in
                        var validator = ArchiveValidator(reference: reference, now: self.clock.now())
                        _ = try LoadPipeline.sendInPieces(count: count, of: PreparedRequest.piece, send: send) { index in
                            let details = try request(index).withoutFilePaths
                            if let problem = validator.problem(in: details, at: index) {
                                throw DeskError.importRejected(problem)
                            }
                            let prepared = try Self.prepare(details.withThisDesksChecklist(reference.checklistTemplates),
                                                            at: index)
                            if let problem = fieldProblem?(index, prepared) {
                                throw DeskError.importRejected(problem)
                            }
                            return prepared
                        }
                    } consume: { next in
                        while let piece = try next() {
                            for prepared in piece {
                                try self.add(prepared, with: &loader, to: &summary,
                                             templates: reference.checklistTemplates, in: db)
                            }
                        }
                    }
                }
            }
            if !dryRun {
                try AuditLog.append(
                    .init(action: "import", entity: .desk, entityID: self.deskID, requestID: "",
                          detail: "imported \(summary.added.count) request(s) from desk \(deskID)",
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

    /// Prepares the request at `index` of an archive; one that could not be stored (a NUL in its
    /// text, an instant beyond four-digit years) is a problem of the archive, named as such.
    static func prepare(_ details: RequestDetails, at index: Int) throws -> PreparedRequest {
        do {
            return try PreparedRequest(details)
        } catch let DeskError.writeFailed(reason) {
            throw DeskError.importRejected("requests[\(index)] \(reason)")
        }
    }

    /// Adds one request of an import, or skips it when the desk holds it with the same content
    /// (its checklist compared as `templates` make both, as the import's is);
    /// refuses one held with other content, whose reference another request has, or that
    /// brings a record of another request (``AttachmentOwnership``).
    private func add(_ prepared: PreparedRequest, with loader: inout RequestLoader, to summary: inout ImportSummary,
                     templates: [ChecklistTemplate], in db: Database) throws {
        let details = prepared.details
        let request = details.request
        if try Self.holdsRequest(request.id, in: db), let stored = try Self.details(id: request.id, in: db) {
            guard stored.withoutFilePaths.withThisDesksChecklist(templates) == details else {
                let held = stored.request.reference
                throw DeskError.importRejected(held == request.reference
                    ? "\(request.reference) is already on this desk with different content"
                    : "\(request.reference) is the request this desk holds as \(held) (the same id, \(request.id.uuidString)), with different content")
            }
            summary.unchanged.append(request.reference)
            try ExchangedVersions.record(request.id, version: request.version, in: db)
            return
        }
        if try String.fetchOne(db.cachedStatement(sql: "SELECT id FROM request WHERE reference = ?"),
                               arguments: [request.reference.description]) != nil {
            throw DeskError.importRejected("the reference \(request.reference) is already used by another request on this desk")
        }
        if let problem = try AttachmentOwnership.problem(in: details, in: db) {
            throw DeskError.importRejected(problem)
        }
        try loader.add(prepared)
        try ExchangedVersions.record(request.id, version: request.version, in: db)
        summary.added.append(request.reference)
    }

    /// Inserts requests with all their attachments (demo data, imports) in one transaction,
    /// every record audited.
    public func insert(_ batch: [RequestDetails], action: String) throws {
        try insert(batches: [batch], action: action)
    }

    /// Inserts batches of requests with all their attachments, every record audited, one
    /// transaction per batch: a load stopped half-way keeps the batches committed before (a
    /// desk being built aside keeps nothing: it gets its name only when full).
    /// `committed` hears the number of requests in after each batch.
    ///
    /// The batches are made (a demo generates them as they are asked for) and prepared on a
    /// second thread while this one writes (``LoadPipeline``).
    public func insert<Batches: Sequence<[RequestDetails]> & Sendable>(
        batches: Batches, action: String, committed: (Int) -> Void = { _ in }
    ) throws {
        try LoadPipeline<LoadPiece>.run(capacity: 4) { send in
            for batch in batches {
                guard try PreparedRequest.prepare(batch[...], inPiecesOf: PreparedRequest.piece, send: { send(.requests($0)) }),
                    send(.endOfBatch)
                else { return }
            }
        } consume: { next in
            try writeOutsideTransaction { db in
                try RequestLoader.withLoadingCache(db) {
                    var done = 0
                    while let first = try next() {
                        var count = 0
                        try db.inTransaction(.immediate) {
                            try RequestLoader.load(into: self, action: action, in: db) { loader in
                                var piece: LoadPiece? = first
                                while case let .requests(prepared)? = piece {
                                    for request in prepared {
                                        try loader.add(request)
                                    }
                                    count += prepared.count
                                    piece = try next()
                                }
                            }
                            return .commit
                        }
                        done += count
                        committed(done)
                    }
                }
            }
        }
    }

    /// What the preparing thread hands the writer: requests, then the end of their batch.
    private enum LoadPiece: Sendable {
        case requests([PreparedRequest])
        case endOfBatch
    }

    /// Inserts one request with all its attachments, every record audited, in the caller's transaction.
    func insertComplete(_ details: RequestDetails, action: String, origin: String? = nil, in db: Database) throws {
        try RequestLoader.load(into: self, action: action, origin: origin, in: db) { try $0.add(details) }
    }
}

extension RequestDetails {
    /// The request with no item pointing at a file: where a file lies is a fact of the desk
    /// that hashed it, so an archive's paths are never taken in (a path planted in one would
    /// make `evidence verify` hash and record any file of this workstation), and a request
    /// held here compares equal to its own export whatever files its items point at.
    var withoutFilePaths: RequestDetails {
        var details = self
        for index in details.items.indices {
            details.items[index].attachedPath = nil
        }
        return details
    }
}
