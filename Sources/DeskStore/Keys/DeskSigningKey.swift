import Crypto
import DeskCore
import Foundation

/// This desk's Ed25519 signing key: it signs every exchange package the desk writes, so a
/// receiving desk can tell the package came from here and was not changed on the way.
public struct DeskSigningKey: Sendable {
    let privateKey: Curve25519.Signing.PrivateKey

    init(privateKey: Curve25519.Signing.PrivateKey) {
        self.privateKey = privateKey
    }

    /// The public half as base64 of its 32 raw bytes: what `key show` prints and `key trust` takes.
    public var publicKeyBase64: String {
        privateKey.publicKey.rawRepresentation.base64EncodedString()
    }

    /// The first 16 hex digits of SHA-256 over the raw public key.
    public var keyID: String {
        Self.keyID(ofPublicKey: privateKey.publicKey.rawRepresentation)
    }

    public static func keyID(ofPublicKey raw: Data) -> String {
        String(Hex.sha256(raw).prefix(16))
    }

    func signature(for data: Data) throws -> Data {
        try privateKey.signature(for: data)
    }
}
