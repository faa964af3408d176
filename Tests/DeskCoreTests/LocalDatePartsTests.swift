import DeskCore
import Foundation
import Testing

/// `LocalDateParts` replaces `Calendar.dateComponents` for speed, so it must agree with the
/// calendar on every instant the desk can show, in every kind of zone.
@Suite("Local date fields by arithmetic")
struct LocalDatePartsTests {
    static let zones = [
        "UTC", "Europe/Berlin", "Europe/London", "America/New_York", "America/St_Johns", "America/Sao_Paulo",
        "Asia/Kathmandu", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham", "Pacific/Kiritimati",
        "Pacific/Pago_Pago", "Europe/Amsterdam", "Africa/Monrovia",
    ]

    @Test("Agrees with a Gregorian calendar from 1890 to 2200, fractions and DST changes included",
          arguments: zones)
    func agreesWithCalendar(zoneName: String) throws {
        let zone = try #require(TimeZone(identifier: zoneName))
        var instants: [TimeInterval] = [0, -0.5, -1, 0.999, -2_208_988_800, -2_208_988_800.5, 253_402_300_799.9]
        var generator = SeededGenerator(seed: UInt64(zoneName.utf8.reduce(7) { $0 &* 31 &+ UInt64($1) }))
        for _ in 0..<3_000 {
            instants.append(Double.random(in: -2_524_608_000...7_258_118_400, using: &generator).rounded(.down)
                + Double(Int.random(in: 0..<1_000, using: &generator)) / 1_000)
        }
        var transition = Date(timeIntervalSince1970: 1_600_000_000)
        for _ in 0..<12 {
            guard let next = zone.nextDaylightSavingTimeTransition(after: transition) else { break }
            instants += [-61, -60, -1, -0.001, 0, 59.999, 60].map { next.timeIntervalSince1970 + $0 }
            transition = next
        }
        for seconds in instants {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(LocalDateParts(date, timeZone: zone) == Self.calendarParts(date, zone), "\(seconds) in \(zoneName)")
        }
    }

    @Test("Outside the years the arithmetic covers, the calendar answers (Julian days before 1582 included)")
    func farInstantsUseTheCalendar() throws {
        let zone = try #require(TimeZone(identifier: "Europe/Berlin"))
        for seconds in [-12_219_292_800.0 - 86_400, -30_000_000_000, -2_208_988_801, 253_402_300_800, 400_000_000_000] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(LocalDateParts(date, timeZone: zone) == Self.calendarParts(date, zone), "\(seconds)")
        }
    }

    @Test("Writes days and minutes as YYYY-MM-DD and YYYY-MM-DD HH:MM")
    func text() throws {
        let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
        let parts = LocalDateParts(Date(timeIntervalSince1970: 1_795_910_400), timeZone: tokyo)
        #expect(parts.dayText == "2026-11-29")
        #expect(parts.minuteText == "2026-11-29 09:00")
        #expect(LocalDateParts(year: 812, month: 3, day: 4, hour: 5, minute: 6).minuteText == "0812-03-04 05:06")
    }

    @Test("Fields too wide for their columns are written in full, as before", arguments: [
        (12_345, 1, 2, 3, 4, "12345-01-02 03:04"), (-44, 3, 15, 0, 0, "-0044-03-15 00:00"), (2026, 123, 1, 0, 0, "2026-123-01 00:00"),
    ])
    func wideFields(year: Int, month: Int, day: Int, hour: Int, minute: Int, expected: String) {
        #expect(Digits.minute(year: year, month: month, day: day, hour: hour, minute: minute) == expected)
        #expect(Digits.day(year: year, month: month, day: day) == String(expected.prefix(while: { $0 != " " })))
    }

    static func calendarParts(_ date: Date, _ zone: TimeZone) -> LocalDateParts {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return LocalDateParts(year: c.year ?? 0, month: c.month ?? 0, day: c.day ?? 0, hour: c.hour ?? 0,
                              minute: c.minute ?? 0)
    }
}
