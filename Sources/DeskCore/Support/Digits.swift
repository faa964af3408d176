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
        guard fitsFixedWidth(year: year, month: month, day: day, hour: 0, minute: 0) else {
            return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
        }
        return String(unsafeUninitializedCapacity: 10) { bytes in
            writeDay(year: year, month: month, day: day, into: bytes)
            return 10
        }
    }

    /// `HH:MM`.
    public static func time(hour: Int, minute: Int) -> String {
        padded(hour, 2) + ":" + padded(minute, 2)
    }

    /// `YYYY-MM-DD HH:MM`, written in one go: the list writes one per row.
    public static func minute(year: Int, month: Int, day: Int, hour: Int, minute: Int) -> String {
        guard fitsFixedWidth(year: year, month: month, day: day, hour: hour, minute: minute) else {
            return self.day(year: year, month: month, day: day) + " " + time(hour: hour, minute: minute)
        }
        return String(unsafeUninitializedCapacity: 16) { bytes in
            writeDay(year: year, month: month, day: day, into: bytes)
            bytes[10] = UInt8(ascii: " ")
            writeTwo(hour, into: bytes, at: 11)
            bytes[13] = UInt8(ascii: ":")
            writeTwo(minute, into: bytes, at: 14)
            return 16
        }
    }

    /// Whether every field has exactly the digits its padding asks for, so no field grows.
    private static func fitsFixedWidth(year: Int, month: Int, day: Int, hour: Int, minute: Int) -> Bool {
        (0...9999).contains(year) && [month, day, hour, minute].allSatisfy { (0...99).contains($0) }
    }

    private static func writeDay(year: Int, month: Int, day: Int, into bytes: UnsafeMutableBufferPointer<UInt8>) {
        writeTwo(year / 100, into: bytes, at: 0)
        writeTwo(year % 100, into: bytes, at: 2)
        bytes[4] = UInt8(ascii: "-")
        writeTwo(month, into: bytes, at: 5)
        bytes[7] = UInt8(ascii: "-")
        writeTwo(day, into: bytes, at: 8)
    }

    private static func writeTwo(_ value: Int, into bytes: UnsafeMutableBufferPointer<UInt8>, at index: Int) {
        bytes[index] = UInt8(ascii: "0") + UInt8(value / 10)
        bytes[index + 1] = UInt8(ascii: "0") + UInt8(value % 10)
    }
}
