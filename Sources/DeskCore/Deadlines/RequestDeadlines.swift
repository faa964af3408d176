import Foundation

/// Every deadline running on one request, computed from its dates, status history, legal
/// basis, types and urgency with the rules of `deadline_rules.json`, beside the officer's own
/// due date.
///
/// Nothing here depends on the current time, so the store can keep ``next`` in the list's due
/// column and the list, the home screen and the agenda agree whenever they are asked.
public struct RequestDeadlines: Sendable, Hashable, Codable {
    /// The deadlines the rules give, earliest first.
    public var computed: [Deadline]
    /// The officer's due date, if set.
    public var manual: Deadline?

    public init(computed: [Deadline], manual: Deadline?) {
        self.computed = computed.sorted { ($0.due, $0.ruleID) < ($1.due, $1.ruleID) }
        self.manual = manual
    }

    /// What the request is listed, counted overdue and warned under: the earliest that runs.
    public var next: Deadline? { all.first }

    /// The deadlines that run, earliest first: everything the agenda may show. The officer's
    /// date replaces the reminders to chase (the desk's own), never a legal deadline: a
    /// preservation that lapsed, or a recognition decision that is late, stays overdue in every
    /// list and count whatever later date the officer set.
    public var all: [Deadline] {
        let running = manual == nil ? computed : computed.filter { $0.source == .legal }
        return ((manual.map { [$0] } ?? []) + running).sorted { ($0.due, $0.ruleID) < ($1.due, $1.ruleID) }
    }

    /// The earliest moment anything on the request falls due.
    public var earliest: Date? { all.first?.due }

    /// Computes the deadlines of `request`; none run once it is in a final status, but the
    /// expiry of data preserved for it while it is executed or answered
    /// (``RequestStatus/keepsPreservationRunning``): that is when the follow-up must have gone out.
    /// `history` is its status history (oldest first), which anchors rules counted from a status.
    /// Days are counted in `timeZone` (``DeadlinePeriod``), the workstation's unless a test says.
    public static func compute(for request: Request, history: [StatusChange], rules: [DeadlineRule],
                               timeZone: TimeZone = .current) -> RequestDeadlines {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let final = request.status.isFinal
        guard !final || request.status.keepsPreservationRunning else { return RequestDeadlines(computed: [], manual: nil) }
        let manual = final ? nil : request.dates.due.map { Deadline(source: .manual, label: "Due date set by the officer", due: $0) }
        let matching = rules.filter { $0.criteria.matches(request) && (!final || $0.isPreservationExpiry) }
        let hasLegal = matching.contains { $0.kind == .legal }
        let answerDue = matching.contains { $0.kind == .legal && !$0.isPreservationExpiry }
        let entered = Set(history.map(\.to)).union([request.status])
        var computed: [Deadline] = []
        for rule in matching where rule.kind == .legal || !(rule.runsBesidePreservation ? answerDue : hasLegal) {
            guard entered.isDisjoint(with: rule.until), let start = rule.from.instant(for: request, history: history)
            else { continue }
            let extended = rule.extensionPeriod != nil && request.dates.extensionsGranted?.contains(rule.id) == true
            for (step, period) in rule.after.enumerated() {
                var due = period.after(start, in: calendar)
                var label = rule.after.count > 1 ? "\(rule.label) (\(period.words))" : rule.label
                if extended, let more = rule.extensionPeriod {
                    due = more.after(due, in: calendar)
                    label += " (extended by \(more.words))"
                }
                computed.append(Deadline(
                    source: rule.kind == .legal ? .legal : .chase,
                    ruleID: rule.after.count > 1 ? "\(rule.id)#\(step + 1)" : rule.id, label: label, due: due,
                    extendedDue: extended ? nil : rule.extensionPeriod.map { $0.after(due, in: calendar) },
                    warnFrom: rule.warnBefore.map { $0.after(due, in: calendar, backwards: true) }, prompt: rule.prompt,
                    isPreservationExpiry: rule.isPreservationExpiry))
            }
        }
        return RequestDeadlines(computed: computed, manual: manual)
    }
}
