import Crypto
import DeskCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The private signing key lives in its own file beside the desk (`<desk>.key`, 0600), not in
/// the desk file: copies of the desk file (backups, a file handed to a colleague) then never
/// carry the power to sign as this desk.
enum SigningKeyFile {
    static let formatName = "mladesk-signing-key"
    static let maxBytes: Int64 = 4096

    static let suffix = ".key"

    static func path(forDesk deskPath: String) -> String {
        deskPath + suffix
    }

    /// Loads the desk's key, creating it the first time it is needed.
    /// The desk's key, and whether this call made it (no file was there, and no other process
    /// made one in the meantime).
    static func loadOrCreate(deskPath: String, deskID: String) throws -> (key: DeskSigningKey, made: Bool) {
        let path = path(forDesk: deskPath)
        if let key = try load(path: path, deskID: deskID) { return (key, false) }
        return try create(path: path, deskID: deskID)
    }

    /// The key in `path`, or `nil` when there is no file yet.
    static func load(path: String, deskID: String) throws -> DeskSigningKey? {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            guard errno == ENOENT else { throw refused(path, "it cannot be read (\(PrivateFiles.reason()))") }
            return nil
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw refused(path, "it is \(FileKind.name(info.st_mode))") }
        guard info.st_uid == geteuid() else { throw refused(path, "it belongs to another user (uid \(info.st_uid))") }
        guard info.st_mode & 0o077 == 0 else {
            throw refused(path, "other users may read or change it; run `chmod 600` on it if it is yours")
        }
        let data: Data
        do {
            data = try PrivateFiles.readRegular(path, maxBytes: maxBytes)
        } catch {
            throw refused(path, "it \(error.text)")
        }
        guard let stored = try? DeskJSON.decoder().decode(Stored.self, from: data), stored.format == formatName,
            stored.version == 1, let raw = Data(base64Encoded: stored.privateKey),
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        else { throw refused(path, "it is not an MLA Desk signing key") }
        guard stored.deskID == deskID else {
            throw refused(path, "it belongs to desk \(stored.deskID), not to this desk (\(deskID))")
        }
        return DeskSigningKey(privateKey: key)
    }

    /// The desk a key file says it belongs to, without checking the file further; nil when it
    /// cannot be read as a key file (using it names the problem).
    static func deskID(ofKeyAt path: String) -> String? {
        guard let data = try? PrivateFiles.readRegular(path, maxBytes: maxBytes) else { return nil }
        return (try? DeskJSON.decoder().decode(Stored.self, from: data))?.deskID
    }

    /// Writes a new key under a temporary name, synced, then links it into place; a key made by
    /// another process in the meantime wins and is used instead.
    private static func create(path: String, deskID: String) throws -> (key: DeskSigningKey, made: Bool) {
        let key = Curve25519.Signing.PrivateKey()
        let stored = Stored(format: formatName, version: 1, deskID: deskID,
                            privateKey: key.rawRepresentation.base64EncodedString())
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/.\((path as NSString).lastPathComponent).\(UUID().uuidString.prefix(8)).tmp"
        try PrivateFiles.writeNew(try DeskJSON.encoder().encode(stored), to: temporary)
        defer { unlink(temporary) }
        if link(temporary, path) != 0 {
            guard errno == EEXIST, let existing = try load(path: path, deskID: deskID) else {
                throw DeskError.writeFailed("the signing key \(path) could not be created (\(PrivateFiles.reason()))")
            }
            return (existing, false)
        }
        PrivateFiles.syncDirectory(folder.isEmpty ? "." : folder)
        return (DeskSigningKey(privateKey: key), true)
    }

    private static func refused(_ path: String, _ reason: String) -> DeskError {
        .unsafeFile(path: path, reason: "the desk's signing key file cannot be used: \(reason)")
    }

    private struct Stored: Codable {
        var format: String
        var version: Int
        var deskID: String
        var privateKey: String
    }
}
