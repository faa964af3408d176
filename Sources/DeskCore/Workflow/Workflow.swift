/// The status workflow of each direction, as data: which status follows which, and what a
/// transition must carry. The desk's dialog and the command line both ask this one table, so
/// they can never disagree.
public enum Workflow {
    /// What a transition into a status must carry besides the officer and time.
    public enum Requirement: Sendable, Equatable {
        /// A refusal names the ground (from the reference list of refusal grounds).
        case ground
        /// A withdrawal or postponement states its reason in the note.
        case reason
    }

    public static func initialStatus(for direction: Direction) -> RequestStatus {
        switch direction {
        case .outgoing: .draft
        case .incoming: .received
        }
    }

    /// The statuses a request of this direction can ever hold, in workflow order.
    public static func statuses(for direction: Direction) -> [RequestStatus] {
        direction == .incoming ? incomingOrder : outgoingOrder
    }

    private static let incomingOrder = walk(.incoming)
    private static let outgoingOrder = walk(.outgoing)

    /// Breadth first from the first status, each status where it is first reached.
    private static func walk(_ direction: Direction) -> [RequestStatus] {
        var seen: [RequestStatus] = [initialStatus(for: direction)]
        var queue = seen
        while let next = queue.first {
            queue.removeFirst()
            for target in transitions(for: direction)[next] ?? [] where !seen.contains(target) {
                seen.append(target)
                queue.append(target)
            }
        }
        return seen
    }

    /// The same statuses as an officer reads them down a page: the way a request normally takes
    /// first, then the ends it can come to (refused, withdrawn, lapsed), closed last.
    public static func statusesInReadingOrder(for direction: Direction) -> [RequestStatus] {
        direction == .incoming ? incomingReadingOrder : outgoingReadingOrder
    }

    private static let incomingReadingOrder = readingOrder(.incoming)
    private static let outgoingReadingOrder = readingOrder(.outgoing)

    private static func readingOrder(_ direction: Direction) -> [RequestStatus] {
        let all = statuses(for: direction)
        let isEnd = { (status: RequestStatus) in targets(from: status, direction: direction).allSatisfy { $0 == .closed } }
        let ends = all.filter(isEnd).sorted { ($0 == .closed ? 1 : 0) < ($1 == .closed ? 1 : 0) }
        return all.filter { !isEnd($0) } + ends
    }

    /// The statuses a request may move to from `status`, in the order the dialog offers them.
    public static func targets(from status: RequestStatus, direction: Direction) -> [RequestStatus] {
        transitions(for: direction)[status] ?? []
    }

    /// The status a request must have been in before it may reach `status`, where the workflow
    /// offers a way round it: an incoming request postponed before it was accepted may come back
    /// straight into execution, but what its acceptance needed (``ChecklistGate``) still holds.
    public static func milestone(before status: RequestStatus, direction: Direction) -> RequestStatus? {
        direction == .incoming && status == .inExecution ? .accepted : nil
    }

    public static func allows(from: RequestStatus, to: RequestStatus, direction: Direction) -> Bool {
        targets(from: from, direction: direction).contains(to)
    }

    public static func requirement(for target: RequestStatus) -> Requirement? {
        switch target {
        case .refused: .ground
        case .withdrawn, .postponed: .reason
        default: nil
        }
    }

    public static func transitions(for direction: Direction) -> [RequestStatus: [RequestStatus]] {
        switch direction {
        case .outgoing: outgoing
        case .incoming: incoming
        }
    }

    private static let outgoing: [RequestStatus: [RequestStatus]] = [
        .draft: [.internalReview, .withdrawn],
        .internalReview: [.approved, .draft, .withdrawn],
        .approved: [.centralAuthorityReview, .transmitted, .withdrawn],
        .centralAuthorityReview: [.transmitted, .internalReview, .withdrawn],
        .transmitted: [.acknowledged, .underConsideration, .additionalInfoRequested, .inExecution,
                       .postponed, .refused, .withdrawn, .lapsed],
        .acknowledged: [.underConsideration, .additionalInfoRequested, .inExecution, .postponed,
                        .refused, .withdrawn, .lapsed],
        .underConsideration: [.additionalInfoRequested, .inExecution, .postponed, .refused, .withdrawn, .lapsed],
        .additionalInfoRequested: [.additionalInfoSupplied, .refused, .withdrawn, .lapsed],
        .additionalInfoSupplied: [.underConsideration, .additionalInfoRequested, .inExecution, .postponed,
                                  .refused, .withdrawn],
        .postponed: [.underConsideration, .inExecution, .refused, .withdrawn, .lapsed],
        .inExecution: [.partiallyExecuted, .executed, .additionalInfoRequested, .refused, .withdrawn, .lapsed],
        .partiallyExecuted: [.executed, .inExecution, .closed, .withdrawn, .lapsed],
        .executed: [.closed, .lapsed],
        .refused: [.closed],
        .withdrawn: [.closed],
        .lapsed: [.closed],
        .closed: [],
    ]

    private static let incoming: [RequestStatus: [RequestStatus]] = [
        .received: [.acknowledged, .assigned, .clarificationRequested, .refused, .withdrawn],
        .acknowledged: [.assigned, .clarificationRequested, .refused, .withdrawn],
        .assigned: [.assessed, .clarificationRequested, .refused, .withdrawn],
        .assessed: [.accepted, .clarificationRequested, .postponed, .refused, .withdrawn],
        .clarificationRequested: [.assessed, .refused, .withdrawn, .lapsed],
        .accepted: [.inExecution, .postponed, .withdrawn],
        .postponed: [.accepted, .inExecution, .refused, .withdrawn],
        .inExecution: [.responseSent, .postponed, .refused, .withdrawn],
        .responseSent: [.closed, .inExecution, .lapsed],
        .refused: [.closed],
        .withdrawn: [.closed],
        .lapsed: [.closed],
        .closed: [],
    ]
}
