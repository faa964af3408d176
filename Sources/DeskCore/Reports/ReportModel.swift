import Foundation

/// Everything `mladesk report` and the desk's Reports screen show, computed once and pure:
/// counts by direction, status, country, type and channel; turnaround per country and per
/// instrument; refusals by ground; what is overdue now; and the series behind the bar charts.
///
/// Codes are resolved to labels here so every renderer (text, Markdown, CSV, the screen)
/// shows the same words.
public struct ReportModel: Sendable, Equatable, Codable {
    public var generatedAt: Date
    /// First day included (local time), or `nil` for no lower bound.
    public var from: Date?
    /// The first instant no longer included (the day after the last day), or `nil` for no bound.
    public var until: Date?
    public var total: Int
    public var byDirection: [ReportCount]
    public var byStatus: [ReportCount]
    public var byCountry: [ReportCount]
    public var byType: [ReportCount]
    public var byChannel: [ReportCount]
    /// Oldest month first, `YYYY-MM`.
    public var byMonth: [ReportCount]
    public var turnaroundByCountry: [TurnaroundStat]
    public var turnaroundByInstrument: [TurnaroundStat]
    public var refusalsByGround: [ReportCount]
    public var overdue: Int
    public var oldestOverdue: [OverdueRequest]

    /// How requests are chosen and measured, printed with every report.
    public static let method = [
        "A request counts in the period by the day it was sent or received, or, if not yet sent, the day it was created.",
        "Turnaround is measured in days from sent (or received) to acknowledged, and to executed (outgoing) or response sent (incoming).",
        Percentile.definition,
        "A request with several types counts once under each; months are calendar months in UTC.",
    ]

    /// Builds the model from the store's counts and samples; `reference` turns codes into names.
    public static func build(tallies: ReportTallies, samples: [TurnaroundSample], reference: ReferenceData?,
                             generatedAt: Date, from: Date?, until: Date?) -> ReportModel {
        func counts(_ table: [String: Int], label: (String) -> String) -> [ReportCount] {
            table.map { ReportCount(key: $0.key, label: label($0.key), count: $0.value) }
                .sorted { ($0.count, $1.label) > ($1.count, $0.label) }
        }
        let statusOrder = RequestStatus.allCases.map(\.rawValue)
        let countryName = { (code: String) in reference?.country(CountryCode(code))?.name ?? code }
        let instrumentName = { (id: String) in reference?.instrument(InstrumentID(id))?.shortName ?? id }
        return ReportModel(
            generatedAt: generatedAt, from: from, until: until,
            total: tallies.byDirection.values.reduce(0, +),
            byDirection: counts(tallies.byDirection) { Direction(rawValue: $0)?.label ?? $0 },
            byStatus: counts(tallies.byStatus) { RequestStatus(rawValue: $0)?.label ?? $0 }
                .sorted { (statusOrder.firstIndex(of: $0.key) ?? .max) < (statusOrder.firstIndex(of: $1.key) ?? .max) },
            byCountry: counts(tallies.byCountry, label: countryName),
            byType: counts(tallies.byType) { reference?.requestType(RequestTypeID($0))?.label ?? $0 },
            byChannel: counts(tallies.byChannel) { $0.isEmpty ? "(none recorded)" : reference?.channel(ChannelID($0))?.label ?? $0 },
            byMonth: tallies.byMonth.map { ReportCount(key: $0.key, label: $0.key, count: $0.value) }.sorted { $0.key < $1.key },
            turnaroundByCountry: turnaround(samples, by: { $0.country.rawValue }, label: countryName),
            turnaroundByInstrument: turnaround(samples, by: { $0.instrument.rawValue }, label: instrumentName),
            refusalsByGround: counts(tallies.refusalsByGround) {
                $0.isEmpty ? "(no ground recorded)" : reference?.refusalGround(RefusalGroundID($0))?.label ?? $0
            },
            overdue: tallies.overdue, oldestOverdue: tallies.oldestOverdue)
    }

    private static func turnaround(_ samples: [TurnaroundSample], by key: (TurnaroundSample) -> String,
                                   label: (String) -> String) -> [TurnaroundStat] {
        Dictionary(grouping: samples, by: key)
            .map { TurnaroundStat(key: $0.key, label: label($0.key), samples: $0.value) }
            .filter { $0.acknowledgedCount + $0.executedCount > 0 }
            .sorted { $0.label < $1.label }
    }

    /// Requests per month, for a bar chart.
    public var monthlyBars: [BarChart.Bar] {
        byMonth.map { BarChart.Bar(label: $0.label, value: Double($0.count), caption: String($0.count)) }
    }

    /// Median days from sent to executed per country, longest first, for a bar chart.
    public var medianExecutionBars: [BarChart.Bar] {
        turnaroundByCountry.compactMap { stat in
            stat.executedMedian.map { BarChart.Bar(label: stat.label, value: $0, caption: "\(ReportModel.days($0)) d (n=\(stat.executedCount))") }
        }.sorted { $0.value > $1.value }
    }

    /// Days with one decimal (`12.5`), the precision every renderer uses.
    public static func days(_ value: Double?) -> String {
        guard let value else { return "—" }
        return String(format: "%.1f", value)
    }
}
