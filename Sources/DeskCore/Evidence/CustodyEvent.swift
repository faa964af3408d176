import Foundation

/// A link in an evidence item's chain of custody. Append-only: a correction is a new event.
public struct CustodyEvent: Codable, Sendable, Hashable, Identifiable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case received
        case sealed
        case stored
        case transferred
        case examined
        case copied
        case returned
        case destroyed
        case verificationPassed = "verification_passed"
        case verificationFailed = "verification_failed"

        public var label: String {
            switch self {
            case .received: "Received"
            case .sealed: "Sealed"
            case .stored: "Stored"
            case .transferred: "Transferred"
            case .examined: "Examined"
            case .copied: "Copied"
            case .returned: "Returned"
            case .destroyed: "Destroyed"
            case .verificationPassed: "Verification passed"
            case .verificationFailed: "Verification failed"
            }
        }

        /// What an officer records by hand; a verification is recorded only by hashing the
        /// item's file again, so that "verified" always means the desk saw the bytes.
        public static let recordedByHand: [Kind] = allCases.filter { !$0.isVerification }
    }

    public var id: UUID
    public var itemID: UUID
    public var kind: Kind
    public var at: Date
    public var officer: String
    public var location: String
    public var note: String

    public init(id: UUID = UUID(), itemID: UUID, kind: Kind, at: Date, officer: String, location: String = "",
                note: String = "") {
        self.id = id
        self.itemID = itemID
        self.kind = kind
        self.at = at
        self.officer = officer
        self.location = location
        self.note = note
    }
}

extension Array where Element == CustodyEvent {
    /// The events in the order they happened, as a chain of custody is read; events recorded
    /// at the same moment keep the order they were recorded in. The trail itself stays in
    /// recording order: an event recorded late, for a hand-over that happened earlier, is
    /// shown where it belongs in time.
    public var inTimeOrder: [CustodyEvent] {
        enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
    }
}
