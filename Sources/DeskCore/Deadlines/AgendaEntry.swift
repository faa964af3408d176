import Foundation

/// One line of the agenda: a deadline of a request, with what the line needs to show it.
public struct AgendaEntry: Sendable, Hashable, Codable {
    public var requestID: UUID
    public var reference: RequestReference
    public var country: CountryCode
    public var types: [RequestTypeID]
    public var status: RequestStatus
    public var urgency: Urgency
    public var officer: String
    public var deadline: Deadline
    /// The deadline is the request's next due date (the one the list shows).
    public var isNextDue: Bool
    public var isOverdue: Bool

    public init(request: Request, deadline: Deadline, isNextDue: Bool, now: Date) {
        requestID = request.id
        reference = request.reference
        country = request.counterpartCountry
        types = request.types
        status = request.status
        urgency = request.urgency
        officer = request.assignedOfficer
        self.deadline = deadline
        self.isNextDue = isNextDue
        isOverdue = deadline.isOverdue(at: now)
    }
}
