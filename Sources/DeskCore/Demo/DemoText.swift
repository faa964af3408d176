import Foundation

/// Cheap text and identity building blocks for demo data: calendar fields from UNIX seconds,
/// zero-padded numbers and hex digests drawn from a ``SeededGenerator`` (ids: ``DemoIDs``).
///
/// They avoid Foundation's calendars and formatters, which would dominate the cost of
/// generating a hundred thousand requests.
enum DemoText {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    /// Year, month (1–12) and day of the UTC calendar date containing `seconds` since 1970.
    static func civilDate(_ seconds: Int64) -> (year: Int, month: Int, day: Int) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return LocalDateParts.civil(daysSinceEpoch: Int(days))
    }

    /// `value` in decimal with leading zeros up to `width` digits.
    static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// `20261129` for the UTC date of `seconds`; used in file names and transmittal references.
    static func compactDate(_ seconds: Int64) -> String {
        let date = civilDate(seconds)
        return padded(date.year, width: 4) + padded(date.month, width: 2) + padded(date.day, width: 2)
    }

    /// `March 2026` for the UTC month of `seconds`.
    static func monthYear(_ seconds: Int64) -> String {
        let date = civilDate(seconds)
        return monthNames[date.month - 1] + " " + String(date.year)
    }

    /// A number grouped by thousands with spaces, as court documents write it: `1 240 000`.
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value).utf8)
        var out: [UInt8] = []
        out.reserveCapacity(digits.count + digits.count / 3)
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(UInt8(ascii: " ")) }
            out.append(digit)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `count` random lower-case hex characters.
    static func hex(_ count: Int, using random: inout SeededGenerator) -> String {
        var bytes = [UInt8](repeating: 0, count: count)
        var word: UInt64 = 0
        for index in 0..<count {
            if index % 16 == 0 { word = random.next() }
            bytes[index] = Hex.lowerDigits[Int(word & 0xF)]
            word >>= 4
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `count` characters drawn from `alphabet` (ASCII only).
    static func characters(_ count: Int, from alphabet: [UInt8], using random: inout SeededGenerator) -> String {
        var bytes = [UInt8](repeating: 0, count: count)
        for index in 0..<count {
            bytes[index] = alphabet[random.below(alphabet.count)]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The instant of whole `seconds` since 1970.
    static func date(_ seconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(seconds))
    }
}
