/// Every status a request can hold, for both directions. ``Workflow`` says which belong to
/// which direction and how they connect; the raw values are the words used on the command
/// line and in JSON.
public enum RequestStatus: String, CaseIterable, Codable, Sendable, Hashable {
    // Outgoing
    case draft
    case internalReview = "internal_review"
    case approved
    case centralAuthorityReview = "central_authority_review"
    case transmitted
    case underConsideration = "under_consideration"
    case additionalInfoRequested = "additional_info_requested"
    case additionalInfoSupplied = "additional_info_supplied"
    case partiallyExecuted = "partially_executed"
    case executed
    // Incoming
    case received
    case assigned
    case assessed
    case clarificationRequested = "clarification_requested"
    case accepted
    case responseSent = "response_sent"
    // Both
    case acknowledged
    case postponed
    case inExecution = "in_execution"
    case closed
    case refused
    case withdrawn
    case lapsed

    public var label: String {
        switch self {
        case .draft: "Draft"
        case .internalReview: "Internal review"
        case .approved: "Approved"
        case .centralAuthorityReview: "Central authority review"
        case .transmitted: "Transmitted"
        case .underConsideration: "Under consideration"
        case .additionalInfoRequested: "Additional info requested"
        case .additionalInfoSupplied: "Additional info supplied"
        case .partiallyExecuted: "Partially executed"
        case .executed: "Executed"
        case .received: "Received"
        case .assigned: "Assigned"
        case .assessed: "Assessed"
        case .clarificationRequested: "Clarification requested"
        case .accepted: "Accepted"
        case .responseSent: "Response sent"
        case .acknowledged: "Acknowledged"
        case .postponed: "Postponed"
        case .inExecution: "In execution"
        case .closed: "Closed"
        case .refused: "Refused"
        case .withdrawn: "Withdrawn"
        case .lapsed: "Lapsed"
        }
    }

    /// Executed, or the response sent: the assistance is given, but data preserved for it is
    /// held until the preservation lapses, and the follow-up request must go out before then.
    /// The only deadline that runs in a final status is that expiry (``RequestDeadlines``).
    public var keepsPreservationRunning: Bool {
        self == .executed || self == .responseSent
    }

    /// A request in a final status needs no more work; no deadline runs on it but the expiry
    /// of a preservation it obtained (``keepsPreservationRunning``).
    public var isFinal: Bool {
        switch self {
        case .closed, .refused, .withdrawn, .lapsed, .executed, .responseSent: true
        default: false
        }
    }
}
