import DeskCore
import DeskTestSupport
import Foundation
import Testing

@Suite("Report figures, charts and rows")
struct ReportModelTests {
    @Test("Nearest-rank percentiles pick observed values")
    func percentiles() {
        #expect(Percentile.nearestRank([], 50) == nil)
        #expect(Percentile.nearestRank([7], 90) == 7)
        #expect(Percentile.nearestRank([20, 2, 10, 5], 50) == 5)
        #expect(Percentile.nearestRank([20, 2, 10, 5], 90) == 20)
        #expect(Percentile.nearestRank(Array(1...10).map(Double.init), 90) == 9)
        #expect(Percentile.nearestRank(Array(1...10).map(Double.init), 91) == 10)
        #expect(Percentile.nearestRank([3, 1, 2], 0) == 1)
    }

    static let start = Date(timeIntervalSince1970: 1_772_409_600)  // 2026-03-02 00:00 UTC

    static func sample(_ country: CountryCode, _ instrument: InstrumentID, ack: Double?, exec: Double?) -> TurnaroundSample {
        TurnaroundSample(country: country, instrument: instrument, sent: start,
                         acknowledged: ack.map { start.addingTimeInterval($0 * 86_400) },
                         executed: exec.map { start.addingTimeInterval($0 * 86_400) })
    }

    static let model = ReportModel.build(
        tallies: ReportTallies(byDirection: ["out": 3, "in": 1], byStatus: ["executed": 2, "draft": 1, "refused": 1],
                               byCountry: ["DE": 3, "FR": 1], byType: ["subscriber_info": 4], byChannel: ["": 1, "interpol": 3],
                               byMonth: ["2026-04": 1, "2026-03": 3], refusalsByGround: ["political_offence": 1], overdue: 1),
        samples: [sample("DE", "budapest", ack: 5, exec: 30), sample("DE", "budapest", ack: 10, exec: 60),
                  sample("DE", "budapest", ack: 2, exec: nil), sample("FR", "eio", ack: nil, exec: 45),
                  sample("FR", "eio", ack: 3, exec: 1 - 2)],
        reference: Fixtures.reference, generatedAt: start, from: nil, until: nil)

    @Test("The model groups turnaround per country and instrument and labels every code")
    func model() throws {
        let model = Self.model
        #expect(model.total == 4)
        #expect(model.byStatus.map(\.key) == ["draft", "executed", "refused"])
        #expect(model.byCountry.first == ReportCount(key: "DE", label: "Germany", count: 3))
        #expect(model.byChannel.map(\.label) == ["INTERPOL (I-24/7)", "(none recorded)"])
        #expect(model.byMonth.map(\.key) == ["2026-03", "2026-04"])
        #expect(model.refusalsByGround == [ReportCount(key: "political_offence", label: "Political offence", count: 1)])
        let germany = try #require(model.turnaroundByCountry.first { $0.key == "DE" })
        #expect(germany.acknowledgedCount == 3 && germany.acknowledgedMedian == 5 && germany.acknowledgedP90 == 10)
        #expect(germany.executedCount == 2 && germany.executedMedian == 30 && germany.executedP90 == 60)
        let france = try #require(model.turnaroundByCountry.first { $0.key == "FR" })
        #expect(france.executedCount == 1, "an execution before sending is not measured")
        #expect(model.turnaroundByInstrument.map(\.key) == ["budapest", "eio"])
        #expect(model.medianExecutionBars.map(\.label) == ["France", "Germany"])
    }

    @Test("Bar charts scale to the largest value, keep small values visible and work in ASCII")
    func barChart() {
        let bars = [BarChart.Bar(label: "2026-03", value: 40, caption: "40"),
                    BarChart.Bar(label: "2026-04", value: 1, caption: "1"),
                    BarChart.Bar(label: "2026-05", value: 0, caption: "0")]
        #expect(BarChart.render(bars, width: 10) == [
            "2026-03 │ ██████████ 40",
            "2026-04 │ █ 1",
            "2026-05 │ 0",
        ])
        #expect(BarChart.render(bars, width: 4, glyph: .hash) == ["2026-03 | #### 40", "2026-04 | # 1", "2026-05 | 0"])
        #expect(BarChart.render([], width: 10) == [])
    }

    @Test("Text and Markdown show every section and state the percentile method")
    func text() {
        let text = ReportText.render(Self.model, markdown: false, glyph: .hash, timeZone: TimeZone(identifier: "UTC")!)
        for part in ["By direction", "By status", "By country", "By type", "By channel", "Turnaround in days by country",
                     "Turnaround in days by instrument", "Refusals by ground", "Overdue now", "Requests per month",
                     "nearest-rank", "Germany", "30.0", "60.0"] {
            #expect(text.contains(part), "\(part)")
        }
        let markdown = ReportText.render(Self.model, markdown: true)
        #expect(markdown.hasPrefix("# MLA Desk report"))
        #expect(markdown.contains("| Country | Requests |"))
        #expect(markdown.contains("| Germany | 3 |"))
    }

    @Test("CSV rows are a long table with one figure per row")
    func rows() {
        let rows = ReportRows.rows(Self.model)
        #expect(rows.allSatisfy { $0.count == ReportRows.header.count })
        #expect(rows.contains(["turnaround_country", "DE", "Germany", "executed_p90_days", "60.0"]))
        #expect(rows.contains(["turnaround_country", "FR", "France", "acknowledged_median_days", "3.0"]))
        #expect(rows.contains(["country", "DE", "Germany", "count", "3"]))
        #expect(rows.contains(["summary", "overdue", "Overdue now", "count", "1"]))
    }
}
