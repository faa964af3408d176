import Foundation

/// Formats instants for people: stored in UTC, shown in the workstation's local time zone.
public enum LocalTime {
    public static func format(_ date: Date, timeZone: TimeZone = .current) -> String {
        LocalDateParts(date, timeZone: timeZone).minuteText
    }

    public static func formatDay(_ date: Date, timeZone: TimeZone = .current) -> String {
        LocalDateParts(date, timeZone: timeZone).dayText
    }

    /// Parses `YYYY-MM-DD` (start of that day) or `YYYY-MM-DD HH:MM` in local time; `nil` if malformed
    /// or not a real calendar date (no 2026-02-30).
    public static func parse(_ text: String, timeZone: TimeZone = .current) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 1 || parts.count == 2 else { return nil }
        let day = parts[0].split(separator: "-", omittingEmptySubsequences: false)
        guard day.count == 3, day[0].count == 4, day[1].count == 2, day[2].count == 2,
            let year = Int(day[0]), let month = Int(day[1]), let dayOfMonth = Int(day[2])
        else { return nil }
        var hour = 0
        var minute = 0
        if parts.count == 2 {
            let time = parts[1].split(separator: ":", omittingEmptySubsequences: false)
            guard time.count == 2, time[0].count == 2, time[1].count == 2, let h = Int(time[0]), let m = Int(time[1]),
                (0..<24).contains(h), (0..<60).contains(m)
            else { return nil }
            hour = h
            minute = m
        }
        let components = DateComponents(year: year, month: month, day: dayOfMonth, hour: hour, minute: minute)
        let cal = calendar(timeZone)
        guard components.isValidDate(in: cal), let date = cal.date(from: components) else { return nil }
        return date
    }

    private static func calendar(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }
}
