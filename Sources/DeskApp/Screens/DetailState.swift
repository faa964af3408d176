import DeskCore
import Foundation

/// The sections of the request detail page, in tab order.
public enum DetailSection: Int, CaseIterable, Equatable, Sendable {
    case summary
    case parties
    case checklist
    case evidence
    case history

    public var title: String {
        switch self {
        case .summary: "Summary"
        case .parties: "Parties and identifiers"
        case .checklist: "Checklist"
        case .evidence: "Evidence"
        case .history: "History"
        }
    }
}

/// The request detail page: which request, what was loaded, the section shown and how far it
/// is scrolled.
public struct DetailState: Sendable {
    public var id: UUID
    /// Known before the details arrive, so the heading is never empty.
    public var reference: String
    public var details: RequestDetails?
    public var audit: [AuditEntry] = []
    public var section: DetailSection = .summary
    public var scroll = 0
    public var evidence = EvidenceTabState()
    /// The checklist item under the cursor, counted among the items on show.
    public var checklistCursor = 0
    /// The checklist shows only required items still open.
    public var checklistOpenRequiredOnly = false
    /// The deadline rule whose extension the officer was asked to confirm with a second key.
    public var extensionAsked: String?

    public init(id: UUID, reference: String) {
        self.id = id
        self.reference = reference
    }
}

/// One logical line of a detail section before wrapping.
public enum DetailLine: Equatable, Sendable {
    case heading(String)
    case field(String, String, role: DetailRole = .value)
    case text(String, role: DetailRole = .value)
    case blank
}

/// How a detail value is shown; mapped onto style roles when drawn.
public enum DetailRole: Equatable, Sendable {
    case value
    case dim
    case warning
    case overdue
    case ok
    case error
}
