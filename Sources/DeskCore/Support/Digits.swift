/// Zero-padded decimal numbers for dates and times, written without a formatter.
///
/// `String(format:)` goes through Foundation's printf machinery and costs about a microsecond
/// per call; dates are written for every list row painted and every instant in a canonical
/// JSON body, so the desk writes digits itself.
public enum Digits {
    /// `padded(7, 2)` is `"07"`; a negative number keeps its sign before the padding.
    public static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let zeros = String(repeating: "0", count: max(0, width - digits.count))
        return (value < 0 ? "-" : "") + zeros + digits
    }

    /// `YYYY-MM-DD`.
    public static func day(year: Int, month: Int, day: Int) -> String {
        padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
    }

    /// `HH:MM`.
    public static func time(hour: Int, minute: Int) -> String {
        padded(hour, 2) + ":" + padded(minute, 2)
    }
}
