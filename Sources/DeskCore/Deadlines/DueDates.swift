import Foundation

/// Which due date a request is listed and warned under.
public enum DueDates {
    /// The officer's manual due date when set, which always wins; open requests only.
    public static func effective(for request: Request) -> Date? {
        guard !request.status.isFinal else { return nil }
        return request.dates.due
    }
}
