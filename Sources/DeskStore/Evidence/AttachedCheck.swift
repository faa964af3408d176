import Foundation
import DeskCore

/// The result of hashing one item's attached file again for `evidence verify`.
public struct AttachedCheck: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        case passed
        case failed([HashDigest.Algorithm])
        /// The file is gone, unreadable, or not a regular file any more; nothing was recorded.
        case unreachable(String)
        /// No file was ever attached (or its name could not be stored), so there is nothing to hash.
        case notAttached
        /// The item was destroyed then: nothing is recorded for it after that, a check included.
        case destroyed(Date)
    }

    public var item: EvidenceItem
    public var outcome: Outcome
    /// The verification event recorded, for passed and failed outcomes.
    public var event: CustodyEvent?

    public init(item: EvidenceItem, outcome: Outcome, event: CustodyEvent?) {
        self.item = item
        self.outcome = outcome
        self.event = event
    }
}
