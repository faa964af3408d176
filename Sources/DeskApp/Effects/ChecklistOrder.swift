import DeskCore
import Foundation

/// Changes to one checklist item as the officer made them on the checklist tab.
public struct ChecklistOrder: Equatable, Sendable {
    public var requestID: UUID
    public var itemID: String
    public var changes: [ChecklistChange]

    public init(requestID: UUID, itemID: String, changes: [ChecklistChange]) {
        self.requestID = requestID
        self.itemID = itemID
        self.changes = changes
    }
}
