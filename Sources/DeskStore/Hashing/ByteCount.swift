import Foundation

/// Sizes for people: bytes, KiB, MiB, GiB with one decimal; the command line's progress line
/// and the desk's progress dialog both say sizes this way.
public enum ByteCount {
    public static func format(_ bytes: Int64) -> String {
        let units = ["KiB", "MiB", "GiB", "TiB"]
        guard bytes >= 1024 else { return "\(bytes) B" }
        var value = Double(bytes)
        var unit = -1
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return String(format: "%.1f", value) + " " + units[unit]
    }
}
