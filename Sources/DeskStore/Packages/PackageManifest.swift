import DeskCore
import Foundation

/// The signed table of contents of an exchange package: who sent it, to whom, in which order,
/// and the size and SHA-256 of every file in it. `manifest.sig` signs its exact bytes.
struct PackageManifest: Codable, Equatable {
    static let formatName = "mladesk-package"
    static let currentVersion = 1

    var format: String
    var formatVersion: Int
    var packageID: UUID
    var senderDeskID: String
    var senderKeyID: String
    var recipientDeskID: String?
    var createdAt: Date
    /// Counts up with every package this sender writes, to any recipient.
    var sequence: Int64
    /// The sender's audit-chain head when the package was made.
    var senderAuditHead: String
    var payloads: [PackagePayload]

    func encoded() throws -> Data {
        try DeskJSON.encoder(pretty: true).encode(self)
    }
}

/// One file of a package. `path` is fixed by the role (`payload/requests.json`,
/// `blobs/<sha256>`); `displayName` is the evidence file's original name, shown, never used.
struct PackagePayload: Codable, Equatable {
    enum Role: String, Codable {
        case requests
        case evidence
    }

    var role: Role
    var path: String
    var size: Int64
    var sha256: String
    var displayName: String?
    /// For evidence: the items of the request archive whose file this is.
    var itemIDs: [UUID]?
}
