import Foundation

/// One line of a request's documentation checklist, instantiated from a template.
///
/// Items are never deleted: when a request's type or legal basis changes, items that no longer
/// apply are marked ``isObsolete`` so that what an officer filled in survives.
public struct ChecklistItem: Codable, Sendable, Hashable {
    public enum State: String, Codable, Sendable, CaseIterable {
        case open
        case done
        case notApplicable = "not_applicable"

        /// The state in words: `open`, `done`, `not applicable`.
        public var words: String {
            switch self {
            case .open: "open"
            case .done: "done"
            case .notApplicable: "not applicable"
            }
        }
    }

    /// Stable id from the template (`core.legal_basis`, `art29.custodian`).
    public var itemID: String
    public var group: String
    public var label: String
    public var guidance: String
    public var isRequired: Bool
    /// The status this item must be settled before; `nil` when it gates nothing.
    public var gates: RequestStatus?
    public var state: State
    /// Why the item does not apply; required when ``state`` is `.notApplicable`.
    public var reason: String
    public var note: String
    public var changedBy: String
    public var changedAt: Date?
    public var isObsolete: Bool

    public init(itemID: String, group: String, label: String, guidance: String = "", isRequired: Bool,
                gates: RequestStatus? = nil, state: State = .open, reason: String = "", note: String = "",
                changedBy: String = "", changedAt: Date? = nil, isObsolete: Bool = false) {
        self.itemID = itemID
        self.group = group
        self.label = label
        self.guidance = guidance
        self.isRequired = isRequired
        self.gates = gates
        self.state = state
        self.reason = reason
        self.note = note
        self.changedBy = changedBy
        self.changedAt = changedAt
        self.isObsolete = isObsolete
    }

    /// Done or explicitly not applicable: nothing left to do.
    public var isSettled: Bool { state != .open }
}
