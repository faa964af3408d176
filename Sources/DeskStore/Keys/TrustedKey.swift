import Foundation

/// Another desk's public key that this desk accepts exchange packages from, with the label the
/// officer gave it when checking it with the other desk (by phone, on paper).
public struct TrustedKey: Codable, Sendable, Equatable {
    public var keyID: String
    /// Base64 of the 32 raw bytes of the Ed25519 public key.
    public var publicKey: String
    public var label: String
    public var addedAt: Date
    public var addedBy: String
}
