import Foundation

/// The earliest time a record may say something happened. Nothing an MLA desk handles happened
/// before 1970, and a year such as 0001 or 1901 is a typing slip that would otherwise travel in
/// exports to every desk that imports them, which refuse it (``earliest`` is their rule too).
public enum RecordTime {
    public static let earliest = Date(timeIntervalSince1970: 0)

    /// "… is before 1970" for a time before ``earliest``, naming `what`; nil otherwise.
    public static func tooEarly(_ date: Date?, _ what: String) -> String? {
        guard let date, date < earliest else { return nil }
        return "\(what) is before 1970: give the year it happened"
    }
}
