import Foundation

/// The moment a deadline is counted from: one of the request's key dates, or the first time it
/// entered one of some statuses (an EIO's execution runs from the recognition decision).
public enum DeadlineAnchor: Sendable, Hashable {
    case created
    case sentOrReceived
    case acknowledged
    case enteredStatus([RequestStatus])

    /// Parses `created`, `sent_or_received`, `acknowledged` or `status:accepted,in_execution`.
    public init?(_ text: String) {
        switch text {
        case "created": self = .created
        case "sent_or_received": self = .sentOrReceived
        case "acknowledged": self = .acknowledged
        default:
            guard text.hasPrefix("status:") else { return nil }
            let names = text.dropFirst("status:".count).split(separator: ",", omittingEmptySubsequences: false)
            let statuses = names.compactMap { RequestStatus(rawValue: String($0)) }
            guard !statuses.isEmpty, statuses.count == names.count else { return nil }
            self = .enteredStatus(statuses)
        }
    }

    /// The anchoring instant, or `nil` while it has not happened yet.
    public func instant(for request: Request, history: [StatusChange]) -> Date? {
        switch self {
        case .created: request.dates.created
        case .sentOrReceived: request.dates.sentOrReceived
        case .acknowledged: request.dates.acknowledged
        case let .enteredStatus(statuses):
            history.first { statuses.contains($0.to) }?.at
                ?? (statuses.contains(request.status) ? request.updatedAt : nil)
        }
    }
}
