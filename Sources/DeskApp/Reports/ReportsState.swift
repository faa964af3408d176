import DeskCore

/// The periods the Reports screen offers.
public enum ReportPeriod: CaseIterable, Equatable, Sendable {
    case lastTwelveMonths
    case all

    public var label: String {
        switch self {
        case .lastTwelveMonths: "last 12 months"
        case .all: "everything on the desk"
        }
    }
}

/// The Reports page: which period, the figures once loaded, and how far they are scrolled.
public struct ReportsState: Equatable, Sendable {
    public var period: ReportPeriod = .lastTwelveMonths
    /// The figures for ``period``; nil while they load.
    public var model: ReportModel?
    public var scroll = 0

    public init() {}
}
