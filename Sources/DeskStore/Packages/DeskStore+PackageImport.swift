import DeskCore
import Foundation
import GRDB

extension DeskStore {
    /// Copies the package at `source` into private staging beside the desk and checks it
    /// (limits, names and file types, signature against the trusted keys, strict manifest,
    /// sizes and hashes, every record, replay, conflicts) without changing the desk. A refusal
    /// is recorded in the audit trail unless `recordRefusal` is false (a dry run writes nothing).
    public func stagePackage(at source: String, reference: ReferenceData, limits: PackageLimits = PackageLimits(),
                             recordRefusal: Bool = true) throws -> StagedPackage {
        let staging = stagingFolder()
        do {
            try PrivateFiles.makeDirectory(staging)
            ScratchPaths.add(staging)
            let staged = try PackageStager(limits: limits).stage(source, into: staging)
            let verifier = PackageVerifier(trusted: try trustedKeys(), deskID: deskID, now: clock.now())
            let verified = try verifier.verify(staged)
            let preview = try read { db in try self.plan(verified, reference: reference, in: db).preview }
            return StagedPackage(source: source, preview: preview, staging: staging, verified: verified)
        } catch {
            ScratchPaths.remove(staging)
            if recordRefusal { self.recordRefusal(of: source, error) }
            throw error
        }
    }

    /// Applies a staged package in one transaction: everything it adds or updates, its evidence
    /// files into the evidence store, the package id (so it is never imported twice) and one
    /// audit row for the package. The plan is made again inside the transaction, so a change
    /// made since the preview cannot be overwritten. Returns what was done.
    @discardableResult
    public func importPackage(_ package: StagedPackage, reference: ReferenceData,
                              recordRefusal: Bool = true) throws -> PackagePreview {
        do {
            guard !package.isDiscarded else { throw DeskError.importRejected("the staged copy of the package was discarded") }
            let verified = package.verified
            let done = try write { db in
                let (preview, planned) = try self.plan(verified, reference: reference, in: db)
                let store = EvidenceStore(deskPath: self.path)
                let attached = Set(planned.flatMap { $0.incoming.items.compactMap(\.attachedPath) })
                for digest in Set(verified.blobOfItem.values).sorted() where attached.contains(store.path(of: digest)) {
                    try store.place(staged: package.stagedBlob(digest), digest: digest)
                }
                let origin = "package \(verified.manifest.packageID.uuidString.lowercased()) from \(verified.signer.label), key \(verified.signer.keyID)"
                for item in planned {
                    switch item.change.kind {
                    case .added: try self.insertComplete(item.incoming, action: "import", origin: origin, in: db)
                    case .updated: try self.applyUpdate(item.incoming, over: item.local!, origin: origin, in: db)
                    case .unchanged: break
                    }
                    try ExchangedVersions.record(item.incoming.request.id, version: item.incoming.request.version, in: db)
                }
                try self.recordImport(verified, preview: preview, from: package.source, in: db)
                return preview
            }
            package.discard()
            return done
        } catch {
            if recordRefusal { self.recordRefusal(of: package.source, error) }
            throw error
        }
    }

    /// Stages, checks and imports in one call.
    @discardableResult
    public func importPackage(at source: String, reference: ReferenceData,
                              limits: PackageLimits = PackageLimits()) throws -> PackagePreview {
        let package = try stagePackage(at: source, reference: reference, limits: limits)
        defer { package.discard() }
        return try importPackage(package, reference: reference)
    }

    /// Removes this desk's staging folders that still exist, also one a check is still filling;
    /// those of other desks in the same process are left alone. For a desk that ends while a
    /// package is being copied.
    public func removeStagingFolders() {
        let prefix = stagingPrefix
        ScratchPaths.removeAll { $0.hasPrefix(prefix) }
    }

    /// A fresh private folder beside the desk, on the same file system as the evidence store.
    private func stagingFolder() -> String {
        stagingPrefix + UUID().uuidString.prefix(8).lowercased()
    }

    /// What the name of each of this desk's staging folders starts with.
    private var stagingPrefix: String {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        return "\(folder.isEmpty ? "." : folder)/.\(name).staging-"
    }

    /// Replay and record checks, then the per-request plan against what the desk holds now.
    private func plan(_ verified: PackageVerifier.Verified, reference: ReferenceData,
                      in db: Database) throws -> (preview: PackagePreview, planned: [ImportPlanner.Planned]) {
        let manifest = verified.manifest
        let packageID = manifest.packageID.uuidString.lowercased()
        if let when = try Int64.fetchOne(db, sql: "SELECT imported_at FROM imported_package WHERE package_id = ?",
                                         arguments: [packageID]) {
            let at = Date(timeIntervalSince1970: Double(when) / 1000)
            throw DeskError.importRejected("package \(packageID) was already imported on \(LocalTime.format(at)); a package is imported only once")
        }
        if let problem = ArchiveValidator(reference: reference, now: clock.now()).firstProblem(in: verified.archive) {
            throw DeskError.importRejected("\(PackageLayout.requestsPath): \(problem)")
        }
        let store = EvidenceStore(deskPath: path)
        var planned: [ImportPlanner.Planned] = []
        for (index, incoming) in verified.archive.requests.enumerated() {
            let request = incoming.request
            let taken = try String.fetchOne(db, sql: "SELECT id FROM request WHERE reference = ? AND id != ?",
                                            arguments: [request.reference.description, request.id.uuidString]) != nil
            let local = try Self.details(id: request.id, in: db)
            if let problem = try AttachmentOwnership.problem(in: incoming, in: db) {
                throw DeskError.importRejected(problem)
            }
            // Both sides as this desk's templates make them, so that a checklist kept here from
            // older reference data is not taken for a change; an update's audit rows still
            // compare with the rows as stored (`Planned.local`).
            let details = incoming.withThisDesksChecklist(reference.checklistTemplates)
            do {
                _ = try Self.prepare(details, at: index)
            } catch let DeskError.importRejected(problem) {
                throw DeskError.importRejected("\(PackageLayout.requestsPath): \(problem)")
            }
            var decided = try ImportPlanner.plan(
                details, local: local?.withThisDesksChecklist(reference.checklistTemplates), referenceTaken: taken,
                exchanged: try ExchangedVersions.version(of: request.id, in: db),
                evidencePath: { verified.blobOfItem[$0].map(store.path(of:)) })
            decided.local = local
            planned.append(decided)
        }
        var notes: [String] = []
        if let last = try Int64.fetchOne(db, sql: "SELECT MAX(sequence) FROM imported_package WHERE sender_key_id = ?",
                                         arguments: [manifest.senderKeyID]), last >= manifest.sequence {
            notes.append("This package (sequence \(manifest.sequence)) is older than one already imported from the same sender (sequence \(last)).")
        }
        if manifest.recipientDeskID == nil {
            notes.append("The package names no recipient desk.")
        }
        let files = manifest.payloads.filter { $0.role == .evidence }.map { payload in
            PackageFile(sha256: payload.sha256, size: payload.size, displayName: payload.displayName ?? "",
                        alreadyStored: FileManager.default.fileExists(atPath: store.path(of: payload.sha256)))
        }
        let preview = PackagePreview(
            packageID: manifest.packageID, senderDeskID: manifest.senderDeskID, senderKeyID: manifest.senderKeyID,
            senderLabel: verified.signer.label, recipientDeskID: manifest.recipientDeskID, createdAt: manifest.createdAt,
            sequence: manifest.sequence, senderAuditHead: manifest.senderAuditHead, requests: planned.map(\.change),
            files: files, notes: notes)
        return (preview, planned)
    }

    private func recordImport(_ verified: PackageVerifier.Verified, preview: PackagePreview, from source: String,
                              in db: Database) throws {
        let manifest = verified.manifest
        let packageID = manifest.packageID.uuidString.lowercased()
        let now = clock.now()
        try db.execute(
            sql: """
                INSERT INTO imported_package (package_id, sender_desk_id, sender_key_id, sequence, created_at,
                    manifest_sha256, imported_at, imported_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [packageID, manifest.senderDeskID, manifest.senderKeyID, manifest.sequence,
                        DeskJSON.milliseconds(manifest.createdAt), verified.manifestSHA256, DeskJSON.milliseconds(now), officer])
        try AuditLog.append(
            .init(action: "package_import", entity: .desk, entityID: "package/\(packageID)", requestID: "",
                  detail: "imported package \(packageID) (sequence \(manifest.sequence)) from desk \(manifest.senderDeskID), "
                    + "key \(manifest.senderKeyID) (\(verified.signer.label)), at \(AbsolutePath.of(source)): \(preview.added.count) added, "
                    + "\(preview.updated.count) updated, \(preview.unchanged.count) unchanged, \(preview.files.count) file(s)",
                  state: Data(verified.manifestSHA256.utf8)),
            officer: officer, at: now, in: db)
    }

    /// Records a refused package in the audit trail, in a transaction of its own after the
    /// refusal; the request data is not touched. Only refusals of the package itself count.
    private func recordRefusal(of source: String, _ error: Error) {
        guard case let DeskError.importRejected(reason) = error else { return }
        _ = try? write { db in
            try AuditLog.append(
                .init(action: "package_rejected", entity: .desk, entityID: "package", requestID: "",
                      detail: "refused the package at \(AbsolutePath.of(source)): \(reason)", state: Data()),
                officer: self.officer, at: self.clock.now(), in: db)
        }
    }
}
