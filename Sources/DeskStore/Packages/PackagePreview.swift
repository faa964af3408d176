import DeskCore
import Foundation

/// What importing a package would do (or did), request by request, computed without writing:
/// the import screen shows it before the officer confirms, `import --dry-run` prints it.
public struct PackagePreview: Sendable, Equatable {
    public var packageID: UUID
    public var senderDeskID: String
    public var senderKeyID: String
    /// The name this desk gave the sender's key when trusting it.
    public var senderLabel: String
    public var recipientDeskID: String?
    public var createdAt: Date
    public var sequence: Int64
    /// The sender's audit-chain head when the package was made, to quote back to the sender.
    public var senderAuditHead: String
    public var requests: [RequestChange]
    public var files: [PackageFile]
    /// Things the officer should know that do not refuse the import.
    public var notes: [String]

    public var added: [RequestChange] { requests.filter { $0.kind == .added } }
    public var updated: [RequestChange] { requests.filter { if case .updated = $0.kind { true } else { false } } }
    public var unchanged: [RequestChange] { requests.filter { $0.kind == .unchanged } }
}

/// One request of a package and what importing it changes on this desk.
public struct RequestChange: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case added
        /// The package holds a later version of a request already here.
        case updated(fromVersion: Int, toVersion: Int)
        case unchanged
    }

    public var requestID: UUID
    public var reference: RequestReference
    public var kind: Kind
    /// For an update, which fields of the request change, in words; empty otherwise.
    public var fieldChanges: String
    public var newStatusChanges: Int
    public var changedChecklistItems: Int
    public var newOrChangedExchanges: Int
    public var newOrChangedItems: Int
    public var newCustodyEvents: Int
}

/// An evidence file carried by a package.
public struct PackageFile: Sendable, Equatable {
    public var sha256: String
    public var size: Int64
    /// The file's original name: for display only, never used as a path.
    public var displayName: String
    /// True when the desk's evidence store already holds a file with this digest.
    public var alreadyStored: Bool

    public init(sha256: String, size: Int64, displayName: String, alreadyStored: Bool) {
        self.sha256 = sha256
        self.size = size
        self.displayName = displayName
        self.alreadyStored = alreadyStored
    }
}
