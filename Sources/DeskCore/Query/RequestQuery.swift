import Foundation

/// What the request list shows: filters, text search and sort order. Every part translates
/// to SQL with an index behind it, so a page of a 100,000-request desk costs one small query.
public struct RequestQuery: Equatable, Sendable, Codable {
    public var direction: Direction?
    public var statuses: [RequestStatus]
    public var country: CountryCode?
    public var type: RequestTypeID?
    public var urgency: Urgency?
    public var officer: String?
    /// Only requests whose due date (manual or computed) lies before this instant and that are
    /// not in a final status.
    public var overdueAt: Date?
    /// Only open requests due before this instant (e.g. within 7 days).
    public var dueBefore: Date?
    /// Only requests due at or after this instant: with ``dueBefore``, what falls due in the
    /// coming days and is not overdue yet, as the desk's "Due within 7 days" counts it.
    public var dueFrom: Date?
    /// Only open requests whose data preservation lapses before this instant, lapsed ones
    /// included, as the desk's "Preservations expiring" counts them.
    public var preservationBefore: Date?
    /// Only requests that are not in a final status.
    public var openOnly: Bool
    /// Full-text search over references, facts, assistance sought, identifiers and notes.
    public var text: String
    public var sort: RequestSort
    public var descending: Bool

    public init(direction: Direction? = nil, statuses: [RequestStatus] = [], country: CountryCode? = nil,
                type: RequestTypeID? = nil, urgency: Urgency? = nil, officer: String? = nil,
                overdueAt: Date? = nil, dueBefore: Date? = nil, openOnly: Bool = false, text: String = "",
                sort: RequestSort = .updated, descending: Bool = true) {
        self.direction = direction
        self.statuses = statuses
        self.country = country
        self.type = type
        self.urgency = urgency
        self.officer = officer
        self.overdueAt = overdueAt
        self.dueBefore = dueBefore
        self.openOnly = openOnly
        self.text = text
        self.sort = sort
        self.descending = descending
    }
}

/// The list columns a request list can be sorted by.
public enum RequestSort: String, CaseIterable, Sendable, Codable {
    case reference
    case country
    case type
    case status
    case due
    case officer
    case updated

    public var label: String {
        switch self {
        case .reference: "Reference"
        case .country: "Country"
        case .type: "Type"
        case .status: "Status"
        case .due: "Due"
        case .officer: "Officer"
        case .updated: "Updated"
        }
    }
}

/// One row of the request list: just what the columns need, read without touching the
/// request's attachments.
public struct RequestSummary: Equatable, Sendable, Codable, Identifiable {
    public var id: UUID
    public var reference: RequestReference
    public var country: CountryCode
    public var types: [RequestTypeID]
    public var status: RequestStatus
    public var urgency: Urgency
    public var due: Date?
    public var officer: String
    public var updatedAt: Date
    public var operation: String

    public var direction: Direction { reference.direction }

    public init(id: UUID, reference: RequestReference, country: CountryCode, types: [RequestTypeID],
                status: RequestStatus, urgency: Urgency, due: Date?, officer: String, updatedAt: Date,
                operation: String = "") {
        self.id = id
        self.reference = reference
        self.country = country
        self.types = types
        self.status = status
        self.urgency = urgency
        self.due = due
        self.officer = officer
        self.updatedAt = updatedAt
        self.operation = operation
    }

    /// The due column holds the next deadline that runs: none in a final status but a
    /// preservation's expiry while the request is executed or answered, which can be overdue.
    public func isOverdue(at now: Date) -> Bool {
        guard let due else { return false }
        return due < now
    }

    public var isOpenEmergency: Bool { urgency == .emergency && !status.isFinal }

    /// `!` when overdue, `*` when an open emergency (`!*` both): how a list says so without colour.
    public func marks(at now: Date) -> String {
        (isOverdue(at: now) ? "!" : "") + (isOpenEmergency ? "*" : "")
    }
}

/// The figures on the home screen.
public struct DeskOverview: Equatable, Sendable, Codable {
    public struct StatusCount: Equatable, Sendable, Codable {
        public var direction: Direction
        public var status: RequestStatus
        public var count: Int
        public init(direction: Direction, status: RequestStatus, count: Int) {
            self.direction = direction
            self.status = status
            self.count = count
        }
    }

    public var statusCounts: [StatusCount]
    public var overdue: Int
    public var dueWithinWeek: Int
    public var emergenciesOpen: Int
    public var recentlyChanged: [RequestSummary]
    /// Open requests whose preservation lapses within the next 14 days (or has lapsed).
    public var preservationsExpiring: Int
    /// The officers requests are assigned to, sorted: the filter line's `officer:` is read
    /// against them, so part of a name finds its officer.
    public var officers: [String]

    public init(statusCounts: [StatusCount] = [], overdue: Int = 0, dueWithinWeek: Int = 0,
                emergenciesOpen: Int = 0, recentlyChanged: [RequestSummary] = [], preservationsExpiring: Int = 0,
                officers: [String] = []) {
        self.officers = officers
        self.statusCounts = statusCounts
        self.overdue = overdue
        self.dueWithinWeek = dueWithinWeek
        self.emergenciesOpen = emergenciesOpen
        self.recentlyChanged = recentlyChanged
        self.preservationsExpiring = preservationsExpiring
    }

    public func total(_ direction: Direction) -> Int {
        statusCounts.filter { $0.direction == direction }.reduce(0) { $0 + $1.count }
    }
}
