import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The one JSON dialect of the desk: sorted keys (so the same value always gives the same bytes,
/// which the audit chain hashes) and instants as UTC ISO 8601 with milliseconds
/// (`2026-11-29T09:30:00.000Z`), readable in exports and exact on round trips.
public enum DeskJSON {
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(formatInstant(date))
        }
        return encoder
    }

    /// The compact bytes of `value`, exactly as `encoder()` writes them, from the desk's own
    /// faster writer (``CanonicalJSONEncoder``); what records are stored and audited as.
    public static func canonical<T: Encodable>(_ value: T) throws -> Data {
        try CanonicalJSONEncoder.encode(value)
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = parseInstant(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "'\(text)' is not a UTC time like 2026-11-29T09:30:00.000Z")
            }
            return date
        }
        return decoder
    }

    /// Rounds to the millisecond, the precision every stored instant has.
    public static func normalized(_ date: Date) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds(date)) / 1000)
    }

    public static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    public static func formatInstant(_ date: Date) -> String {
        let millis = milliseconds(date)
        if fourDigitYears.contains(millis) {
            return String(unsafeUninitializedCapacity: instantLength) { bytes in
                writeInstant(millis, into: bytes)
                return instantLength
            }
        }
        var seconds = time_t(millis.floorDiv(1000))
        let fraction = Int(millis - Int64(seconds) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return Digits.day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)) + "T"
            + Digits.time(hour: Int(parts.tm_hour), minute: Int(parts.tm_min)) + ":" + Digits.padded(Int(parts.tm_sec), 2)
            + "." + Digits.padded(fraction, 3) + "Z"
    }

    /// Appends `date` as ``formatInstant(_:)`` writes it, in quotes (a JSON string): a record
    /// holds a dozen instants, and encoding them went through `gmtime_r` and string
    /// concatenation, a fifth of encoding a record.
    public static func appendQuotedInstant(_ date: Date, to output: inout [UInt8]) {
        let millis = milliseconds(date)
        guard fourDigitYears.contains(millis) else {
            output.append(UInt8(ascii: "\""))
            output.append(contentsOf: formatInstant(date).utf8)
            output.append(UInt8(ascii: "\""))
            return
        }
        let start = output.count
        output.append(contentsOf: repeatElement(UInt8(ascii: "\""), count: instantLength + 2))
        output.withUnsafeMutableBufferPointer { bytes in
            writeInstant(millis, into: UnsafeMutableBufferPointer(rebasing: bytes[(start + 1)..<(start + 1 + instantLength)]))
        }
    }

    /// `YYYY-MM-DDTHH:MM:SS.fffZ`
    private static let instantLength = 24

    /// The instants, in milliseconds since 1970, from 0000-01-01 to 9999-12-31: those whose year
    /// has four digits, written without `gmtime_r`.
    private static let fourDigitYears: ClosedRange<Int64> = -62_167_219_200_000...253_402_300_799_999

    /// Writes an instant of ``fourDigitYears`` as its proleptic Gregorian date and time in UTC.
    private static func writeInstant(_ millis: Int64, into bytes: UnsafeMutableBufferPointer<UInt8>) {
        let days = millis.floorDiv(86_400_000)
        let inDay = millis - days * 86_400_000
        let (year, month, day) = LocalDateParts.civil(daysSinceEpoch: Int(days))
        func write(_ value: Int, width: Int, at index: Int) {
            var rest = value
            for position in stride(from: index + width - 1, through: index, by: -1) {
                bytes[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
        }
        write(year, width: 4, at: 0)
        bytes[4] = UInt8(ascii: "-")
        write(month, width: 2, at: 5)
        bytes[7] = UInt8(ascii: "-")
        write(day, width: 2, at: 8)
        bytes[10] = UInt8(ascii: "T")
        let milliseconds = Int(inDay)
        write(milliseconds / 3_600_000, width: 2, at: 11)
        bytes[13] = UInt8(ascii: ":")
        write(milliseconds / 60_000 % 60, width: 2, at: 14)
        bytes[16] = UInt8(ascii: ":")
        write(milliseconds / 1_000 % 60, width: 2, at: 17)
        bytes[19] = UInt8(ascii: ".")
        write(milliseconds % 1_000, width: 3, at: 20)
        bytes[23] = UInt8(ascii: "Z")
    }

    /// Accepts `YYYY-MM-DDTHH:MM:SS[.fff]Z`; rejects anything else, including impossible dates.
    public static func parseInstant(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 || (bytes.count > 21 && bytes.count <= 24 && bytes[19] == UInt8(ascii: ".")),
            bytes.last == UInt8(ascii: "Z"), bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":")
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60
        else { return nil }
        var millis = 0
        if bytes.count > 20 {
            let digits = bytes.count - 21
            guard let fraction = number(20..<(20 + digits)) else { return nil }
            millis = fraction * [1, 100, 10, 1][digits]
        }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        let seconds = timegm(&parts)
        var check = seconds
        var back = tm()
        gmtime_r(&check, &back)
        guard back.tm_mday == Int32(day), back.tm_mon == Int32(month - 1) else { return nil }
        return Date(timeIntervalSince1970: Double(Int64(seconds) * 1000 + Int64(millis)) / 1000)
    }
}

extension Int64 {
    fileprivate func floorDiv(_ divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
