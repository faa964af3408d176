import Crypto
import DeskCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a package folder so that it appears whole under its final name or not at all: every
/// file goes into a private temporary sibling folder, is synced, read back and hashed again, and
/// only then is the folder renamed (never over anything that already has the name).
struct PackageWriter {
    /// An evidence file to copy into `blobs/`.
    struct Blob {
        var source: String
        /// The digest the desk recorded for the file, if it has one; the copy must match it.
        var expectedSHA256: String?
        var displayName: String
        var itemIDs: [UUID]
        var itemLabel: String
    }

    var destination: String
    var key: DeskSigningKey
    /// Called after each file is written; tests make it throw to simulate an interrupted export.
    var afterEachFile: ((String) throws -> Void)?

    /// Writes the package and returns its manifest.
    func write(manifest template: PackageManifest, requests: Data, blobs: [Blob]) throws -> PackageManifest {
        var info = stat()
        guard lstat(destination, &info) != 0, errno == ENOENT else {
            throw DeskError.writeFailed("\(destination) already exists; a package is only written under a new name")
        }
        let parent = Self.parent(of: destination)
        let temporary = "\(parent)/.\((destination as NSString).lastPathComponent).partial-\(UUID().uuidString.prefix(8).lowercased())"
        try PrivateFiles.makeDirectory(temporary)
        do {
            let manifest = try fill(temporary, manifest: template, requests: requests, blobs: blobs)
            try check(temporary, manifest: manifest)
            try PrivateFiles.renameNoReplace(temporary, to: destination)
            PrivateFiles.syncDirectory(parent)
            return manifest
        } catch {
            PrivateFiles.removeTree(temporary)
            throw error
        }
    }

    private func fill(_ folder: String, manifest template: PackageManifest, requests: Data, blobs: [Blob]) throws -> PackageManifest {
        var manifest = template
        try PrivateFiles.makeDirectory("\(folder)/\(PackageLayout.payloadFolder)")
        try PrivateFiles.writeNew(requests, to: "\(folder)/\(PackageLayout.requestsPath)")
        try afterEachFile?(PackageLayout.requestsPath)
        manifest.payloads = [PackagePayload(role: .requests, path: PackageLayout.requestsPath, size: Int64(requests.count),
                                            sha256: Hex.sha256(requests))]
        if !blobs.isEmpty {
            try PrivateFiles.makeDirectory("\(folder)/\(PackageLayout.blobsFolder)")
        }
        for blob in blobs {
            let scratch = "\(folder)/\(PackageLayout.blobsFolder)/.incoming"
            let measure: PrivateFiles.Measure
            do {
                measure = try PrivateFiles.copy(from: blob.source, to: scratch, maxBytes: .max)
            } catch {
                unlink(scratch)
                throw DeskError.writeFailed("the file of \(blob.itemLabel), \(blob.source), \(error.text)")
            }
            if let expected = blob.expectedSHA256, expected != measure.sha256 {
                unlink(scratch)
                throw DeskError.writeFailed(
                    "the file of \(blob.itemLabel), \(blob.source), no longer has the SHA-256 recorded for it; it changed since it was hashed")
            }
            let path = PackageLayout.blobPath(measure.sha256)
            if let index = manifest.payloads.firstIndex(where: { $0.path == path }) {
                unlink(scratch)
                manifest.payloads[index].itemIDs = (manifest.payloads[index].itemIDs ?? []) + blob.itemIDs
                continue
            }
            try PrivateFiles.renameNoReplace(scratch, to: "\(folder)/\(path)")
            try afterEachFile?(path)
            manifest.payloads.append(PackagePayload(role: .evidence, path: path, size: measure.size, sha256: measure.sha256,
                                                    displayName: blob.displayName, itemIDs: blob.itemIDs))
        }
        let bytes = try manifest.encoded()
        try PrivateFiles.writeNew(bytes, to: "\(folder)/\(PackageLayout.manifest)")
        try afterEachFile?(PackageLayout.manifest)
        try PrivateFiles.writeNew(try key.signature(for: bytes), to: "\(folder)/\(PackageLayout.signature)")
        try afterEachFile?(PackageLayout.signature)
        for sub in [PackageLayout.payloadFolder, PackageLayout.blobsFolder] {
            PrivateFiles.syncDirectory("\(folder)/\(sub)")
        }
        PrivateFiles.syncDirectory(folder)
        return manifest
    }

    /// Reads everything back from the disk and checks it against the manifest and signature.
    private func check(_ folder: String, manifest: PackageManifest) throws {
        do {
            let bytes = try PrivateFiles.readRegular("\(folder)/\(PackageLayout.manifest)", maxBytes: .max)
            let signature = try PrivateFiles.readRegular("\(folder)/\(PackageLayout.signature)", maxBytes: .max)
            guard bytes == (try manifest.encoded()),
                key.privateKey.publicKey.isValidSignature(signature, for: bytes)
            else { throw DeskError.writeFailed("the manifest read back from \(folder) differs from what was written") }
            for payload in manifest.payloads {
                let measure = try PrivateFiles.measure("\(folder)/\(payload.path)")
                guard measure.size == payload.size, measure.sha256 == payload.sha256 else {
                    throw DeskError.writeFailed("\(payload.path) read back from \(folder) differs from what was written")
                }
            }
        } catch let error as PrivateFiles.FileProblem {
            throw DeskError.writeFailed("the package in \(folder) could not be read back: a file \(error.text)")
        }
    }

    static func parent(of path: String) -> String {
        let parent = (path as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }
}
