import Foundation

/// Repeated measurements of one figure, summarised the way the benchmark reports them: median,
/// minimum, maximum and the 99th percentile (nearest rank). Medians resist the noise of a shared
/// machine; p99 shows the slow keystroke an officer would notice.
struct Samples {
    private(set) var values: [Double] = []

    init(_ values: [Double] = []) {
        self.values = values
    }

    mutating func append(_ value: Double) {
        values.append(value)
    }

    var count: Int { values.count }
    var median: Double { percentile(50) }
    var p99: Double { percentile(99) }
    var min: Double { values.min() ?? .nan }
    var max: Double { values.max() ?? .nan }

    /// Nearest-rank percentile: the smallest value at or above `p` percent of the samples.
    func percentile(_ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        if p == 50 && sorted.count % 2 == 0 {
            return (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[Swift.max(0, Swift.min(sorted.count - 1, rank - 1))]
    }
}

/// Milliseconds taken by `body`, on the monotonic clock.
func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    return milliseconds(since: start)
}

func milliseconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15
}
