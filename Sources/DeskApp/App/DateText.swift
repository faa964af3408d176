import DeskCore
import Foundation

/// Writes and reads dates the way the desk shows them: ISO `YYYY-MM-DD` in local time.
///
/// Built on the Gregorian calendar rather than a formatter so it is a plain value, identical on
/// every platform, and never depends on the machine's locale. Dates are written through
/// ``LocalDateParts`` (a list writes one per row it paints); parsing and day arithmetic use a
/// `Calendar` made once.
public struct DateText: Sendable {
    public let timeZone: TimeZone
    private let calendar: Calendar

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// `2026-03-14`
    public func day(_ date: Date) -> String {
        LocalDateParts(date, timeZone: timeZone).dayText
    }

    /// `2026-03-14 09:05`
    public func minute(_ date: Date) -> String {
        LocalDateParts(date, timeZone: timeZone).minuteText
    }

    /// The start of the local day written `YYYY-MM-DD`; `nil` for anything else, including
    /// days that do not exist (`2026-02-30`).
    public func parseDay(_ text: String) -> Date? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        let components = DateComponents(year: year, month: month, day: day)
        guard components.isValidDate(in: calendar), let date = calendar.date(from: components) else { return nil }
        return date
    }

    /// The start of the local day `days` after the one `date` falls on.
    public func shift(_ date: Date, days: Int) -> Date {
        let start = calendar.startOfDay(for: date)
        return calendar.date(byAdding: .day, value: days, to: start) ?? start
    }

    /// The last millisecond of the local day `date` falls on: a deadline given as a day runs
    /// until that day is over.
    public func endOfDay(_ date: Date) -> Date {
        shift(date, days: 1).addingTimeInterval(-0.001)
    }
}
