import DeskCore
import Foundation

/// Changes to one checklist item as the officer made them on the checklist tab, with the item
/// as it was on screen: the store refuses the change if someone changed the item since.
public struct ChecklistOrder: Equatable, Sendable {
    public var requestID: UUID
    public var seen: ChecklistItem
    public var changes: [ChecklistChange]

    public init(requestID: UUID, seen: ChecklistItem, changes: [ChecklistChange]) {
        self.requestID = requestID
        self.seen = seen
        self.changes = changes
    }
}
