import Foundation

/// One line of the results table: a named figure at a desk size, in a unit, summarised.
///
/// Every measurement, in-process or taken by `scripts/bench.sh` from another program, is
/// written as one tab-separated line of this shape, so the report reads a single file:
/// `figure  size  unit  median  min  max  p99  samples`.
struct Figure {
    var name: String
    /// Requests in the desk the figure was taken on; 0 when it does not depend on a desk.
    var size: Int
    var unit: String
    var median: Double
    var low: Double
    var high: Double
    var p99: Double
    var count: Int

    static let header = "figure\tsize\tunit\tmedian\tmin\tmax\tp99\tsamples"

    init(name: String, size: Int, unit: String, samples: Samples) {
        self.name = name
        self.size = size
        self.unit = unit
        median = samples.median
        low = samples.min
        high = samples.max
        p99 = samples.p99
        count = samples.count
    }

    /// Reads a line written by ``line``; nil for the header or a malformed line.
    init?(line: String) {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 8, let size = Int(fields[1]), let median = Double(fields[3]), let low = Double(fields[4]),
            let high = Double(fields[5]), let p99 = Double(fields[6]), let count = Int(fields[7])
        else { return nil }
        name = fields[0]
        self.size = size
        unit = fields[2]
        self.median = median
        self.low = low
        self.high = high
        self.p99 = p99
        self.count = count
    }

    var line: String {
        [name, String(size), unit, Self.format(median), Self.format(low), Self.format(high), Self.format(p99),
         String(count)].joined(separator: "\t")
    }

    /// "12.3 (11.9–14.0)": the median with the range, as the tables show it.
    var medianWithRange: String {
        "\(Self.format(median)) (\(Self.format(low))–\(Self.format(high)))"
    }

    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "nan" }
        if value >= 100 { return String(format: "%.1f", value) }
        if value >= 1 { return String(format: "%.2f", value) }
        return String(format: "%.3f", value)
    }
}
