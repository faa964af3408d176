import DeskCore
import Foundation
import GRDB

extension DeskStore {
    /// What `export --package` wrote.
    public struct PackageExportSummary: Sendable, Equatable {
        public var packageID: UUID
        public var path: String
        public var sequence: Int64
        public var keyID: String
        public var requests: [RequestReference]
        public var files: Int
        public var bytes: Int64
    }

    /// Writes a signed exchange package folder at `destination`, which must not exist yet.
    /// With `withFiles`, every attached evidence file goes into `blobs/`, checked against the
    /// SHA-256 the desk recorded for it. The export is audited.
    public func exportPackage(references: [RequestReference], to destination: String, withFiles: Bool,
                              recipient: String? = nil) throws -> PackageExportSummary {
        try exportPackage(references: references, to: destination, withFiles: withFiles, recipient: recipient,
                          afterEachFile: nil)
    }

    func exportPackage(references: [RequestReference], to destination: String, withFiles: Bool, recipient: String?,
                       afterEachFile: ((String) throws -> Void)?) throws -> PackageExportSummary {
        guard !references.isEmpty else { throw DeskError.notFound("A request to put in the package") }
        let key = try signingKey()
        let snapshot = try write { db in try self.packageSnapshot(references, in: db) }
        var archive = snapshot.archive
        var blobs: [PackageWriter.Blob] = []
        for index in archive.requests.indices {
            for itemIndex in archive.requests[index].items.indices {
                let item = archive.requests[index].items[itemIndex]
                archive.requests[index].items[itemIndex].attachedPath = nil
                guard withFiles, let source = item.attachedPath else { continue }
                blobs.append(PackageWriter.Blob(
                    source: source, expectedSHA256: item.computedHashes.first { $0.algorithm == .sha256 }?.value,
                    displayName: item.originalFileName, itemIDs: [item.id],
                    itemLabel: "evidence item '\(item.description)' of \(archive.requests[index].request.reference)"))
            }
        }
        let template = PackageManifest(
            format: PackageManifest.formatName, formatVersion: PackageManifest.currentVersion, packageID: UUID(),
            senderDeskID: deskID, senderKeyID: key.keyID, recipientDeskID: recipient, createdAt: archive.exportedAt,
            sequence: snapshot.sequence, senderAuditHead: snapshot.auditHead, payloads: [])
        let writer = PackageWriter(destination: destination, key: key, afterEachFile: afterEachFile)
        let manifest: PackageManifest
        do {
            manifest = try writer.write(manifest: template, requests: try archive.encoded(), blobs: blobs)
        } catch {
            recordUnwrittenPackage(sequence: snapshot.sequence, destination: destination, error: error)
            throw error
        }
        let evidence = manifest.payloads.filter { $0.role == .evidence }
        let summary = PackageExportSummary(
            packageID: manifest.packageID, path: destination, sequence: manifest.sequence, keyID: key.keyID,
            requests: archive.requests.map(\.request.reference), files: evidence.count,
            bytes: manifest.payloads.reduce(0) { $0 + $1.size })
        do {
            let state = try manifest.encoded()
            try write { db in
                try AuditLog.append(
                    .init(action: "package_export", entity: .desk, entityID: "package/\(manifest.packageID.uuidString.lowercased())",
                          requestID: "",
                          detail: "exported package \(manifest.packageID.uuidString.lowercased()) (sequence \(manifest.sequence)) "
                            + "with \(summary.requests.map(\.description).joined(separator: ", ")) and \(summary.files) file(s)"
                            + (recipient.map { " for desk \($0)" } ?? "") + " to \(destination)",
                          state: state),
                    officer: self.officer, at: self.clock.now(), in: db)
                for sent in archive.requests {
                    try ExchangedVersions.record(sent.request.id, version: sent.request.version, in: db)
                }
            }
        } catch {
            PrivateFiles.removeTree(destination)
            throw error
        }
        return summary
    }

    /// A package that was not written still took its sequence number: the trail says so, so
    /// the gap a receiver sees is accounted for. Best effort: the desk's own disk may be the full one.
    private func recordUnwrittenPackage(sequence: Int64, destination: String, error: any Error) {
        _ = try? write { db in
            try AuditLog.append(
                .init(action: "package_export_failed", entity: .desk, entityID: "package/sequence/\(sequence)", requestID: "",
                      detail: "package sequence \(sequence) was not written to \(destination): \(error)", state: Data()),
                officer: self.officer, at: self.clock.now(), in: db)
        }
    }

    private struct PackageSnapshot {
        var archive: RequestArchive
        var sequence: Int64
        var auditHead: String
    }

    /// Reads the requests and the audit head and takes the next sequence number in one
    /// transaction, so the package shows one consistent moment of the desk.
    private func packageSnapshot(_ references: [RequestReference], in db: Database) throws -> PackageSnapshot {
        var details: [RequestDetails] = []
        for reference in references {
            guard let id = try String.fetchOne(db, sql: "SELECT id FROM request WHERE reference = ?",
                                               arguments: [reference.description]).flatMap(UUID.init(uuidString:)),
                let found = try Self.details(id: id, in: db)
            else { throw DeskError.notFound("Request \(reference)") }
            if !details.contains(where: { $0.request.id == id }) { details.append(found) }
        }
        let last = try DeskMeta.value("package_sequence", in: db).flatMap(Int64.init) ?? 0
        try DeskMeta.set("package_sequence", to: String(last + 1), in: db)
        return PackageSnapshot(
            archive: RequestArchive(exportedAt: DeskJSON.normalized(clock.now()), deskID: deskID, requests: details),
            sequence: last + 1, auditHead: try AuditLog.head(db))
    }
}
