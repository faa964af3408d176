import DeskCore
import Foundation

/// The item view: which item, its custody timeline once loaded, and how far it is scrolled.
/// The item itself is read from the request's loaded details, so a reload shows new hashes.
public struct EvidenceItemState: Equatable, Sendable {
    public var itemID: UUID
    public var timeline: [CustodyEvent]?
    public var scroll = 0

    public init(itemID: UUID) {
        self.itemID = itemID
    }
}
