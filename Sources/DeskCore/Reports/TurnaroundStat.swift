/// Turnaround of one group of requests (a country, an instrument): how many were measured and
/// the median and 90th-percentile days from sent to acknowledged and from sent to executed.
public struct TurnaroundStat: Sendable, Equatable, Codable {
    public var key: String
    public var label: String
    /// Requests with both a sent and an acknowledged date.
    public var acknowledgedCount: Int
    public var acknowledgedMedian: Double?
    public var acknowledgedP90: Double?
    /// Requests with both a sent date and an execution.
    public var executedCount: Int
    public var executedMedian: Double?
    public var executedP90: Double?

    public init(key: String, label: String, acknowledgedCount: Int, acknowledgedMedian: Double?, acknowledgedP90: Double?,
                executedCount: Int, executedMedian: Double?, executedP90: Double?) {
        self.key = key
        self.label = label
        self.acknowledgedCount = acknowledgedCount
        self.acknowledgedMedian = acknowledgedMedian
        self.acknowledgedP90 = acknowledgedP90
        self.executedCount = executedCount
        self.executedMedian = executedMedian
        self.executedP90 = executedP90
    }

    /// Computes the figures of one group from its samples.
    public init(key: String, label: String, samples: [TurnaroundSample]) {
        let acknowledged = samples.compactMap { $0.days(to: $0.acknowledged) }
        let executed = samples.compactMap { $0.days(to: $0.executed) }
        self.init(key: key, label: label, acknowledgedCount: acknowledged.count,
                  acknowledgedMedian: Percentile.nearestRank(acknowledged, 50),
                  acknowledgedP90: Percentile.nearestRank(acknowledged, 90), executedCount: executed.count,
                  executedMedian: Percentile.nearestRank(executed, 50), executedP90: Percentile.nearestRank(executed, 90))
    }
}
