import Foundation

/// Which due date a request is listed and warned under.
public enum DueDates {
    /// The officer's manual due date when set, which always wins, else the earliest deadline the
    /// rules give; `nil` for requests in a final status.
    public static func effective(for request: Request, history: [StatusChange], rules: [DeadlineRule]) -> Date? {
        RequestDeadlines.compute(for: request, history: history, rules: rules).next?.due
    }
}
