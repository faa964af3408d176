import Foundation

/// The local wall-clock fields of an instant, year to minute, in one time zone.
///
/// The list writes a date on every row it paints. `Calendar.dateComponents` costs microseconds a
/// call; shifting the instant by the zone's offset at that instant and counting days is a few
/// integer steps and gives the same fields. The arithmetic is the proleptic Gregorian calendar,
/// which is what a Gregorian `Calendar` uses for every year after 1582, so instants outside
/// 1900–9999 go through `Calendar` and nothing is shown differently.
public struct LocalDateParts: Equatable, Sendable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int

    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
    }

    /// The fields of `date` as a Gregorian calendar in `timeZone` gives them.
    public init(_ date: Date, timeZone: TimeZone) {
        let seconds = date.timeIntervalSince1970
        guard seconds >= Self.arithmeticRange.lowerBound, seconds < Self.arithmeticRange.upperBound else {
            self.init(calendarFieldsOf: date, timeZone: timeZone)
            return
        }
        let local = Int(seconds.rounded(.down)) + timeZone.secondsFromGMT(for: date)
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = local - days * 86_400
        let civil = Self.civil(daysSinceEpoch: days)
        self.init(year: civil.year, month: civil.month, day: civil.day,
                  hour: secondOfDay / 3_600, minute: secondOfDay % 3_600 / 60)
    }

    /// `2026-03-14`
    public var dayText: String { Digits.day(year: year, month: month, day: day) }

    /// `2026-03-14 09:05`
    public var minuteText: String { Digits.minute(year: year, month: month, day: day, hour: hour, minute: minute) }

    /// 1900-01-01 to 10000-01-01 UTC, in seconds since 1970.
    private static let arithmeticRange = -2_208_988_800.0..<253_402_300_800.0

    private init(calendarFieldsOf date: Date, timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        self.init(year: c.year ?? 0, month: c.month ?? 0, day: c.day ?? 0, hour: c.hour ?? 0, minute: c.minute ?? 0)
    }

    /// Year, month and day of the proleptic Gregorian calendar for a count of days since
    /// 1970-01-01 (H. Hinnant's `civil_from_days`).
    static func civil(daysSinceEpoch: Int) -> (year: Int, month: Int, day: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
