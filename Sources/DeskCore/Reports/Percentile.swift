import Foundation

/// Percentiles by the nearest-rank method: the p-th percentile of n sorted values is the value
/// at rank ⌈p/100 × n⌉ (1-based). Every result is an observed value, never an interpolation,
/// so an officer can point to the request behind a figure; the median is the 50th percentile
/// by the same rule (for an even count, the lower of the two middle values).
public enum Percentile {
    public static let definition =
        "Percentiles use the nearest-rank method: the p-th percentile of n values is the value at rank ⌈p/100 × n⌉ in ascending order; the median is the 50th percentile."

    /// `nil` for no values; `p` is clamped to 0…100 (0 gives the smallest value).
    public static func nearestRank(_ values: [Double], _ p: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let rank = Int((min(max(p, 0), 100) / 100 * Double(sorted.count)).rounded(.up))
        return sorted[max(rank, 1) - 1]
    }
}
