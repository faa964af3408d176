import Foundation

/// What falls due within a window, overdue items included, oldest first, as the `agenda`
/// command lists it. (The home page counts the same deadlines from the request table's due
/// columns, which every save computes with the same rules.)
public enum Agenda {
    /// The entries of `requests` due before `now + days`. Of a series of chase dates only the
    /// latest one already passed is kept (the earlier ones are superseded by it).
    public static func entries(for requests: [(request: Request, deadlines: RequestDeadlines)], now: Date,
                               days: Int) -> [AgendaEntry] {
        let horizon = now.addingTimeInterval(TimeInterval(days) * 86_400)
        var entries: [AgendaEntry] = []
        for (request, deadlines) in requests {
            let next = deadlines.next
            let passed = deadlines.all.filter { $0.due < now }
            for deadline in deadlines.all where deadline.due < horizon {
                if deadline.source == .chase, deadline.due < now,
                    passed.contains(where: { $0.source == .chase && $0.due > deadline.due && sameSeries($0, deadline) })
                {
                    continue
                }
                entries.append(AgendaEntry(request: request, deadline: deadline, isNextDue: deadline == next, now: now))
            }
        }
        return entries.sorted { ($0.deadline.due, $0.reference) < ($1.deadline.due, $1.reference) }
    }

    /// The entries where preserved data may be lost (the agenda's counterpart of the home page's
    /// "preservations expiring").
    public static func preservationsExpiring(_ entries: [AgendaEntry]) -> [AgendaEntry] {
        entries.filter(\.deadline.isPreservationExpiry)
    }

    private static func sameSeries(_ a: Deadline, _ b: Deadline) -> Bool {
        a.ruleID.split(separator: "#").first == b.ruleID.split(separator: "#").first
    }
}
