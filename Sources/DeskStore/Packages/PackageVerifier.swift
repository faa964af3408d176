import Crypto
import DeskCore
import Foundation

/// Checks a staged package in a fixed order, stopping at the first problem: the signature
/// against the trusted keys (before the manifest is parsed at all), then the manifest strictly,
/// then that the files are exactly those listed with their sizes and hashes, then the request
/// archive and how the evidence files belong to its items.
struct PackageVerifier {
    var trusted: [TrustedKey]
    var deskID: String
    /// This desk's clock, against which the package's time is read as an archive's times are.
    var now: Date

    /// A package whose every byte was checked; the archive is not yet compared with the desk.
    struct Verified {
        var manifest: PackageManifest
        var manifestSHA256: String
        var signer: TrustedKey
        var archive: RequestArchive
        /// Evidence item id → digest of its file in `blobs/`.
        var blobOfItem: [UUID: String]
    }

    func verify(_ staged: PackageStager.Staged) throws -> Verified {
        let bytes = try contents(staged, PackageLayout.manifest)
        let signature = try contents(staged, PackageLayout.signature)
        guard signature.count == PackageLayout.signatureBytes else {
            throw DeskError.importRejected("\(PackageLayout.signature) is not an Ed25519 signature (\(signature.count) bytes, expected 64)")
        }
        guard let signer = trusted.first(where: { key in
            guard let raw = Data(base64Encoded: key.publicKey), !SmallOrderKeys.contains(raw),
                let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
            else { return false }
            return publicKey.isValidSignature(signature, for: bytes)
        }) else {
            throw DeskError.importRejected(Self.unverifiedReason(claimedBy: bytes, trusted: trusted))
        }
        let manifest = try parseManifest(bytes)
        guard manifest.senderKeyID == signer.keyID else {
            throw DeskError.importRejected("the manifest names key \(manifest.senderKeyID) but was signed with key \(signer.keyID)")
        }
        if let recipient = manifest.recipientDeskID, recipient != deskID {
            throw DeskError.importRejected("the package is addressed to desk \(recipient), not to this desk (\(deskID))")
        }
        try checkPayloads(manifest, staged)
        let archive = try parseArchive(try contents(staged, PackageLayout.requestsPath))
        guard archive.deskID == manifest.senderDeskID else {
            throw DeskError.importRejected("the request archive comes from desk \(archive.deskID), but the manifest names desk \(manifest.senderDeskID)")
        }
        return Verified(manifest: manifest, manifestSHA256: Hex.sha256(bytes), signer: signer, archive: archive,
                        blobOfItem: try blobOwnership(manifest, archive))
    }

    private func contents(_ staged: PackageStager.Staged, _ relative: String) throws -> Data {
        do {
            return try PrivateFiles.readRegular(staged.path(relative), maxBytes: .max)
        } catch {
            throw DeskError.importRejected("\(relative) \(error.text)")
        }
    }

    /// Why no trusted key verifies the signature, from what the unverified manifest says of its
    /// sender: a key this desk trusts means the package was changed after it was signed; any
    /// other is a sender to check (`mladesk key list`, `mladesk key trust`).
    static func unverifiedReason(claimedBy manifest: Data, trusted: [TrustedKey]) -> String {
        let sender = try? DeskJSON.decoder().decode(PackageManifest.self, from: manifest)
        let base = "the manifest's signature does not verify with any key this desk trusts"
        guard let sender else {
            return base + ": the package was changed after it was signed, or its sender's key is not trusted here (see `mladesk key list`)"
        }
        if let known = trusted.first(where: { $0.keyID == sender.senderKeyID }) {
            return base + ": it names key \(known.keyID), \(known.label), which does not verify it: the package was changed "
                + "after it was signed, or it was signed with another key in that desk's name"
        }
        return base + ": it names key \(sender.senderKeyID) of desk \(sender.senderDeskID), which is not trusted here "
            + "(`mladesk key list` shows the trusted keys; `mladesk key trust` adds one, after comparing its id with the sender)"
    }

    private func parseManifest(_ bytes: Data) throws -> PackageManifest {
        let manifest: PackageManifest
        do {
            manifest = try DeskJSON.decoder().decode(PackageManifest.self, from: bytes)
        } catch {
            throw DeskError.importRejected("\(PackageLayout.manifest): \(JSONProblem.describe(error, in: bytes))")
        }
        if let problem = StrictJSON.fieldProblem(in: bytes, decodedAs: manifest, kind: "a package manifest") {
            throw DeskError.importRejected("\(PackageLayout.manifest): \(problem)")
        }
        guard manifest.format == PackageManifest.formatName else {
            throw DeskError.importRejected("\(PackageLayout.manifest): the format is '\(manifest.format)', expected '\(PackageManifest.formatName)'")
        }
        guard manifest.formatVersion == PackageManifest.currentVersion else {
            throw DeskError.importRejected("package format \(manifest.formatVersion) is not supported (this program reads \(PackageManifest.currentVersion))")
        }
        guard manifest.sequence >= 1 else {
            throw DeskError.importRejected("\(PackageLayout.manifest): the sequence is \(manifest.sequence); a desk numbers its packages from 1")
        }
        if manifest.createdAt > now.addingTimeInterval(ArchiveValidator.clockAllowance) || manifest.createdAt < RecordTime.earliest {
            throw DeskError.importRejected(
                "\(PackageLayout.manifest): the package says it was made at \(DeskJSON.formatInstant(manifest.createdAt)) (this desk's clock reads \(DeskJSON.formatInstant(now)))")
        }
        return manifest
    }

    /// Every listed file must be in the package with its size and hash, under the one name its
    /// role allows; every file in the package must be listed.
    private func checkPayloads(_ manifest: PackageManifest, _ staged: PackageStager.Staged) throws {
        var listed = Set<String>()
        for payload in manifest.payloads {
            let expected = payload.role == .requests ? PackageLayout.requestsPath : PackageLayout.blobPath(payload.sha256)
            guard payload.path == expected, PackageLayout.isDigest(payload.sha256) else {
                throw DeskError.importRejected("the manifest lists '\(payload.path)', which is not a name a package may use")
            }
            guard listed.insert(payload.path).inserted else {
                throw DeskError.importRejected("the manifest lists \(payload.path) twice")
            }
            if payload.role == .evidence, payload.itemIDs?.isEmpty ?? true {
                throw DeskError.importRejected("the manifest lists \(payload.path) for no evidence item")
            }
        }
        guard listed.contains(PackageLayout.requestsPath) else {
            throw DeskError.importRejected("the manifest lists no \(PackageLayout.requestsPath)")
        }
        for relative in staged.files.keys.sorted()
        where relative != PackageLayout.manifest && relative != PackageLayout.signature && !listed.contains(relative) {
            throw DeskError.importRejected("\(relative) is in the package but not in its manifest")
        }
        for payload in manifest.payloads {
            guard let measure = staged.files[payload.path] else {
                throw DeskError.importRejected("\(payload.path) is listed in the manifest but missing from the package")
            }
            guard measure.size == payload.size, measure.sha256 == payload.sha256 else {
                throw DeskError.importRejected("\(payload.path) does not match its size and SHA-256 in the manifest: it was changed after the package was signed")
            }
        }
    }

    private func parseArchive(_ data: Data) throws -> RequestArchive {
        let archive: RequestArchive
        do {
            archive = try RequestArchive.decode(data)
        } catch let DeskError.importRejected(reason) {
            throw DeskError.importRejected("\(PackageLayout.requestsPath): \(reason)")
        }
        if let problem = StrictJSON.fieldProblem(in: data, decodedAs: archive, kind: "a request archive") {
            throw DeskError.importRejected("\(PackageLayout.requestsPath): \(problem)")
        }
        return archive
    }

    /// Ties each evidence file to the items it belongs to; an item whose record carries a
    /// SHA-256 (computed, or declared by whoever handed it over) or a size must name the very
    /// file with that digest and size.
    private func blobOwnership(_ manifest: PackageManifest, _ archive: RequestArchive) throws -> [UUID: String] {
        let items = Dictionary(archive.requests.flatMap(\.items).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var owner: [UUID: String] = [:]
        for payload in manifest.payloads where payload.role == .evidence {
            for id in payload.itemIDs ?? [] {
                guard let item = items[id] else {
                    throw DeskError.importRejected("\(payload.path) belongs to evidence item \(id), which is not in the package")
                }
                guard owner.updateValue(payload.sha256, forKey: id) == nil else {
                    throw DeskError.importRejected("evidence item \(id) has more than one file in the package")
                }
                if let recorded = item.computedHashes.first(where: { $0.algorithm == .sha256 })?.value.lowercased(),
                    recorded != payload.sha256 {
                    throw DeskError.importRejected("the file of evidence item \(id) does not have the SHA-256 its record states")
                }
                if item.computedHashes.isEmpty,
                    let declared = item.declaredHashes.first(where: { $0.algorithm == .sha256 })?.value.lowercased(),
                    declared != payload.sha256 {
                    throw DeskError.importRejected("the file of evidence item \(id) does not have the SHA-256 its record declares")
                }
                if let size = item.size, size != payload.size {
                    throw DeskError.importRejected("the file of evidence item \(id) has \(payload.size) bytes, its record says \(size)")
                }
            }
        }
        return owner
    }
}
