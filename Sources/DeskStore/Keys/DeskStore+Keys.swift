import Crypto
import DeskCore
import Foundation
import GRDB

extension DeskStore {
    /// This desk's signing key, made the first time it is needed (at `init`, or at the first
    /// package export of a desk older than packages).
    ///
    /// Making one is recorded in the audit trail: a desk whose key file was lost signs with a
    /// new identity, which every other desk must trust again, and the trail says when it began.
    /// A key that cannot be recorded (a read-only desk) is not kept.
    public func signingKey() throws -> DeskSigningKey {
        let (key, made) = try SigningKeyFile.loadOrCreate(deskPath: path, deskID: deskID)
        guard made else { return key }
        do {
            try write { db in
                try AuditLog.append(
                    .init(action: "signing_key", entity: .desk, entityID: "key/\(key.keyID)", requestID: "",
                          detail: "made the signing key \(key.keyID) at \(AbsolutePath.of(self.signingKeyPath)); "
                            + "other desks accept this desk's packages once they trust it",
                          state: Data(key.publicKeyBase64.utf8)),
                    officer: self.officer, at: self.clock.now(), in: db)
            }
        } catch {
            unlink(signingKeyPath)
            throw error
        }
        return key
    }

    /// Where the private key is kept, for messages and documentation.
    public var signingKeyPath: String {
        SigningKeyFile.path(forDesk: path)
    }

    /// The keys this desk accepts packages from, by label.
    public func trustedKeys() throws -> [TrustedKey] {
        try read { db in try Self.trustedKeys(in: db) }
    }

    static func trustedKeys(in db: Database) throws -> [TrustedKey] {
        try Row.fetchAll(db, sql: "SELECT * FROM trusted_key ORDER BY label, key_id").map { row in
            TrustedKey(keyID: row["key_id"], publicKey: row["public_key"], label: row["label"],
                       addedAt: Date(timeIntervalSince1970: Double(row["added_at"] as Int64) / 1000),
                       addedBy: row["added_by"])
        }
    }

    /// Accepts packages signed by `publicKey` (base64 of the 32 raw bytes) from now on; audited.
    @discardableResult
    public func trust(publicKey text: String, label: String) throws -> TrustedKey {
        let name = label.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw DeskError.transitionRefused("A trusted key needs a name (--name).") }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let raw = Data(base64Encoded: trimmed), raw.count == 32,
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
        else {
            throw DeskError.transitionRefused("'\(trimmed.prefix(60))' is not a public key: expected the base64 text `mladesk key show` prints.")
        }
        guard !SmallOrderKeys.contains(raw) else {
            throw DeskError.transitionRefused(
                "'\(trimmed.prefix(60))' is not a usable public key: it is a degenerate point for which a signature can be made without any private key; nothing was changed.")
        }
        let canonical = key.rawRepresentation.base64EncodedString()
        let now = DeskJSON.normalized(clock.now())
        let trusted = TrustedKey(keyID: DeskSigningKey.keyID(ofPublicKey: raw), publicKey: canonical, label: name,
                                 addedAt: now, addedBy: officer)
        return try write { db in
            if let existing = try String.fetchOne(db, sql: "SELECT label FROM trusted_key WHERE key_id = ?",
                                                  arguments: [trusted.keyID]) {
                throw DeskError.transitionRefused("Key \(trusted.keyID) is already trusted as '\(existing)'; nothing was changed.")
            }
            try db.execute(
                sql: "INSERT INTO trusted_key (key_id, public_key, label, added_at, added_by) VALUES (?, ?, ?, ?, ?)",
                arguments: [trusted.keyID, trusted.publicKey, trusted.label, DeskJSON.milliseconds(now), officer])
            try AuditLog.append(
                .init(action: "key_trust", entity: .desk, entityID: "key/\(trusted.keyID)", requestID: "",
                      detail: "trusted key \(trusted.keyID) as \(trusted.label)", state: try RequestRows.body(trusted)),
                officer: officer, at: now, in: db)
            return trusted
        }
    }

    /// Stops accepting packages signed by the key; packages already imported stay. Audited.
    public func untrust(keyID: String) throws {
        let id = keyID.lowercased()
        let now = DeskJSON.normalized(clock.now())
        try write { db in
            guard let label = try String.fetchOne(db, sql: "SELECT label FROM trusted_key WHERE key_id = ?", arguments: [id])
            else { throw DeskError.notFound("Trusted key \(id)") }
            try db.execute(sql: "DELETE FROM trusted_key WHERE key_id = ?", arguments: [id])
            try AuditLog.append(
                .init(action: "key_untrust", entity: .desk, entityID: "key/\(id)", requestID: "",
                      detail: "no longer trusts key \(id) (\(label))", state: Data()),
                officer: officer, at: now, in: db)
        }
    }
}
