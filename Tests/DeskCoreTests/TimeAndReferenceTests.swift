import DeskCore
import Foundation
import Testing

@Suite("References, instants and local dates")
struct TimeAndReferenceTests {
    @Test("References parse and print in the OUT-2026-0042 form", arguments: [
        ("OUT-2026-0042", "OUT-2026-0042"), ("in-2026-17", "IN-2026-0017"), ("OUT-2026-12345", "OUT-2026-12345"),
        ("Out-2026-0042", "OUT-2026-0042"), ("\u{131}n-2026-0001", "IN-2026-0001"),
        ("OUT-2026-123456789012345678", "OUT-2026-123456789012345678"),
        ("OUT-2026-1234567890123456789", "OUT-2026-1234567890123456789"),
    ])
    func referenceRoundTrip(text: String, printed: String) {
        #expect(RequestReference(text)?.description == printed)
    }

    @Test("Malformed references are refused", arguments: ["", "OUT-26-0001", "SIDE-2026-0001", "OUT-2026-0000", "OUT-2026-", "OUT-2026-00x1", "OUT-2026-0001-2", "OUTT-2026-0001", "OU-2026-0001", "IN-2026-\u{663}", "IN-2026-0",
                                                     "IN-202-0001", "IN-20266-0001", "IN--0001"])
    func referenceRejects(text: String) {
        #expect(RequestReference(text) == nil)
    }

    @Test("Instants print as UTC ISO 8601 with milliseconds and parse back exactly")
    func instants() {
        let date = Date(timeIntervalSince1970: 1_795_942_800.123)
        let text = DeskJSON.formatInstant(date)
        #expect(text == "2026-11-29T09:00:00.123Z")
        #expect(DeskJSON.parseInstant(text) == DeskJSON.normalized(date))
        #expect(DeskJSON.parseInstant("1969-12-31T23:59:59.500Z")?.timeIntervalSince1970 == -0.5)
        #expect(DeskJSON.formatInstant(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59.500Z")
        for bad in ["2026-02-30T00:00:00Z", "2026-11-29 09:00:00Z", "2026-11-29T09:00:00", "2026-13-01T00:00:00Z", "x"] {
            #expect(DeskJSON.parseInstant(bad) == nil, "\(bad)")
        }
    }

    @Test("Instants of every four-digit year print as the C library's gmtime_r reads them")
    func instantsAgreeWithGmtime() {
        func expected(_ millis: Int64) -> String {
            var seconds = time_t(millis >= 0 ? millis / 1000 : (millis - 999) / 1000)
            let fraction = Int(millis - Int64(seconds) * 1000)
            var parts = tm()
            gmtime_r(&seconds, &parts)
            func digits(_ value: Int32, _ width: Int) -> String {
                let text = String(value)
                return String(repeating: "0", count: max(0, width - text.count)) + text
            }
            return "\(digits(parts.tm_year + 1900, 4))-\(digits(parts.tm_mon + 1, 2))-\(digits(parts.tm_mday, 2))T"
                + "\(digits(parts.tm_hour, 2)):\(digits(parts.tm_min, 2)):\(digits(parts.tm_sec, 2)).\(digits(Int32(fraction), 3))Z"
        }
        let edges: [Int64] = [
            -62_167_219_200_000, 253_402_300_799_999, -1, 0, 1, -500, 86_399_999, -86_400_000, 951_782_400_000,
            951_868_799_999, -2_203_891_200_000, -11_676_096_000_000, -8_520_336_000_001, 4_107_542_400_000,
        ]
        var random = SeededGenerator(seed: 29)
        let samples = (0..<20_000).map { _ in Int64.random(in: -62_167_219_200_000...253_402_300_799_999, using: &random) }
        for millis in edges + samples {
            let date = Date(timeIntervalSince1970: Double(millis) / 1000)
            #expect(DeskJSON.formatInstant(date) == expected(millis), "\(millis)")
            var quoted: [UInt8] = []
            DeskJSON.appendQuotedInstant(date, to: &quoted)
            #expect(quoted == Array("\"\(expected(millis))\"".utf8), "\(millis)")
        }
        #expect(DeskJSON.formatInstant(Date(timeIntervalSince1970: 253_402_300_800)) == "10000-01-01T00:00:00.000Z")
    }

    @Test("Local dates accept a day or a day and time, and refuse impossible dates")
    func localDates() throws {
        let utc = try #require(TimeZone(identifier: "UTC"))
        let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
        #expect(LocalTime.parse("2026-11-29", timeZone: utc)?.timeIntervalSince1970 == 1_795_910_400)
        #expect(LocalTime.parse("2026-11-29 09:00", timeZone: tokyo)?.timeIntervalSince1970 == 1_795_910_400)
        #expect(LocalTime.parse("2026-02-29", timeZone: utc) == nil)
        #expect(LocalTime.parse("2026-11-29 24:00", timeZone: utc) == nil)
        #expect(LocalTime.parse("29.11.2026", timeZone: utc) == nil)
        #expect(LocalTime.format(Date(timeIntervalSince1970: 1_795_910_400), timeZone: tokyo) == "2026-11-29 09:00")
    }
}
