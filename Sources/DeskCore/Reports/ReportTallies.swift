/// The counts a report needs, as the store computes them in SQL: per dimension, code → count.
/// Kept apart from ``ReportModel`` so the model can be built (and tested) from plain numbers.
public struct ReportTallies: Sendable, Equatable {
    public var byDirection: [String: Int]
    public var byStatus: [String: Int]
    public var byCountry: [String: Int]
    public var byType: [String: Int]
    /// Empty key: no channel recorded.
    public var byChannel: [String: Int]
    /// `YYYY-MM` (UTC) → requests sent or received (or, not yet sent, created) that month.
    public var byMonth: [String: Int]
    /// Refusal ground id → refusals; empty key: no ground recorded.
    public var refusalsByGround: [String: Int]
    public var overdue: Int
    public var oldestOverdue: [OverdueRequest]

    public init(byDirection: [String: Int] = [:], byStatus: [String: Int] = [:], byCountry: [String: Int] = [:],
                byType: [String: Int] = [:], byChannel: [String: Int] = [:], byMonth: [String: Int] = [:],
                refusalsByGround: [String: Int] = [:], overdue: Int = 0, oldestOverdue: [OverdueRequest] = []) {
        self.byDirection = byDirection
        self.byStatus = byStatus
        self.byCountry = byCountry
        self.byType = byType
        self.byChannel = byChannel
        self.byMonth = byMonth
        self.refusalsByGround = refusalsByGround
        self.overdue = overdue
        self.oldestOverdue = oldestOverdue
    }
}
