import DeskApp
import DeskCore
import DeskTestSupport
import Foundation
import Testing
import TermUI

@Suite struct ReportsScreenTests {
    /// Three months of requests to two countries with known turnaround and one refusal.
    static let model: ReportModel = {
        let day: TimeInterval = 86_400
        let sent = DeskFixtures.day("2026-01-05")
        let samples = [
            TurnaroundSample(country: "DE", instrument: "budapest", sent: sent, acknowledged: sent + 3 * day,
                             executed: sent + 40 * day),
            TurnaroundSample(country: "DE", instrument: "eio", sent: sent, acknowledged: sent + 5 * day,
                             executed: sent + 20 * day),
            TurnaroundSample(country: "JP", instrument: "budapest", sent: sent, acknowledged: sent + 9 * day,
                             executed: sent + 90 * day),
        ]
        let tallies = ReportTallies(
            byDirection: ["out": 9, "in": 3], byStatus: ["transmitted": 5, "draft": 4, "received": 3],
            byCountry: ["DE": 8, "JP": 4], byType: ["preservation": 7, "subscriber_info": 5],
            byChannel: ["central_authority": 12], byMonth: ["2026-01": 6, "2026-02": 4, "2026-03": 2],
            refusalsByGround: ["political_offence": 1], overdue: 1,
            oldestOverdue: [OverdueRequest(reference: RequestReference("OUT-2026-0001")!, country: "JP",
                                           due: DeskFixtures.day("2026-03-01"))])
        return ReportModel.build(tallies: tallies, samples: samples, reference: DeskFixtures.reference,
                                 generatedAt: DeskFixtures.now, from: DeskFixtures.day("2025-03-14"), until: nil)
    }()

    static func reports(width: Int = 80, height: Int = 24) -> DeskDriver {
        var desk = DeskDriver(width: width, height: height)
        desk.send(.overviewLoaded(ScreenTests.overview))
        desk.press(.char("r"))
        desk.send(.reportLoaded(model, period: .lastTwelveMonths))
        return desk
    }

    @Test func rOnTheDeskLoadsTheLastTwelveMonthsAndPTogglesToEverything() {
        var desk = DeskDriver()
        desk.send(.overviewLoaded(ScreenTests.overview))
        #expect(desk.press(.char("r")) == [.loadReport(.lastTwelveMonths, from: DeskFixtures.day("2025-03-15"))])
        #expect(desk.state.page == .reports)
        #expect(desk.render().contains("Counting…"))
        desk.send(.reportLoaded(Self.model, period: .lastTwelveMonths))
        #expect(desk.state.reports.model == Self.model)
        #expect(desk.press(.char("p")) == [.loadReport(.all, from: nil)])
        #expect(desk.state.reports.model == nil)
        desk.send(.reportLoaded(Self.model, period: .lastTwelveMonths))
        #expect(desk.state.reports.model == nil, "a late answer for the other period is ignored")
        desk.press(.key(.escape))
        #expect(desk.state.page == .home)
    }

    @Test func theHomeLineOpensTheReportsToo() {
        var desk = DeskDriver()
        desk.send(.overviewLoaded(ScreenTests.overview))
        while desk.state.page == .home, desk.state.home.selection < 20 {
            let lines = HomeScreen.lines(ScreenTests.overview, context: desk.state.context).filter { !$0.isHeading }
            if lines[desk.state.home.selection].target == .reports { break }
            desk.press(.key(.down))
        }
        #expect(desk.press(.key(.enter)) == [.loadReport(.lastTwelveMonths, from: DeskFixtures.day("2025-03-15"))])
    }

    @Test func theReportScrollsToItsEndAndNoFurther() {
        var desk = Self.reports()
        desk.press(.key(.pageDown), .key(.pageDown), .key(.pageDown), .key(.pageDown), .key(.pageDown), .key(.pageDown))
        let bottom = desk.state.reports.scroll
        #expect(bottom > 0)
        desk.press(.char("j"))
        #expect(desk.state.reports.scroll == bottom)
        #expect(desk.render().contains("Method") || desk.render().contains("nearest-rank"))
    }

    @Test func reportsAt80x24() {
        let screen = Self.reports().render()
        assertScreen(screen, equals: [
            " MLA Desk · Reports                                     anna · 2026-03-14 09:30",
            " Period: last 12 months  (p to change)                               1–20 of 66",
            " MLA Desk report, from 2025-03-14",
            "",
            " Generated 2026-03-14 09:30. Requests in the period: 12 (overdue now: 1).",
            "",
            " By direction",
            " Direction  Requests",
            " Outgoing          9",
            " Incoming          3",
            "",
            " By status",
            " Status       Requests",
            " Draft               4",
            " Transmitted         5",
            " Received            3",
            "",
            " By country",
            " Country  Requests",
            " Germany         8",
            " Japan           4",
            "", "",
            "p Period  Esc Back  ? Help  q Quit",
        ])
        assertRole(screen, of: "By direction", is: .header)
    }

    /// At 80 columns a table's names are shortened, never its figures, and sentences wrap.
    @Test func nothingRunsOffTheRightAt80Columns() {
        var desk = Self.reports()
        var seen: [String] = []
        for _ in 0..<4 {
            seen += desk.render().lines()
            desk.press(.key(.pageDown))
        }
        let instrument = seen.first { $0.hasPrefix(" Budapest") }
        #expect(instrument?.hasSuffix("2          40.0       90.0") == true, "\(String(describing: instrument))")
        #expect(instrument?.contains("…") == true, "the name gives way to the figures")
        #expect(seen.contains { $0.hasPrefix(" Exec. median: days from") || $0.contains("nearest-rank") })
        #expect(!seen.contains { DisplayWidth.of($0) > 80 })
    }

    @Test func chartsAt120x40() {
        var desk = Self.reports(width: 120, height: 40)
        desk.press(.key(.pageDown))
        assertScreen(desk.render(), equals: [
            " MLA Desk · Reports                                                                             anna · 2026-03-14 09:30",
            " Period: last 12 months  (p to change)                                                                      28–63 of 63",
            " Central authority to central authority        12",
            "",
            " Turnaround in days by country",
            " Country  Ack. n  Ack. median  Ack. p90  Exec. n  Exec. median  Exec. p90",
            " Germany       2          3.0       5.0        2          20.0       40.0",
            " Japan         1          9.0       9.0        1          90.0       90.0",
            "",
            " Turnaround in days by instrument",
            " Instrument                    Ack. n  Ack. median  Ack. p90  Exec. n  Exec. median  Exec. p90",
            " Budapest Convention                2          3.0       9.0        2          40.0       90.0",
            " European Investigation Order       1          5.0       5.0        1          20.0       20.0",
            "",
            " Refusals by ground",
            " Ground             Refusals",
            " Political offence         1",
            "",
            " Overdue now",
            " Reference      Country         Due",
            " OUT-2026-0001       JP  2026-03-01",
            "",
            " Requests per month",
            " 2026-01 │ ████████████████████████████████████████████████████████████ 6",
            " 2026-02 │ ████████████████████████████████████████ 4",
            " 2026-03 │ ████████████████████ 2",
            "",
            " Median days to execution by country",
            " Japan   │ ████████████████████████████████████████████████████████████ 90.0 d (n=1)",
            " Germany │ █████████████ 20.0 d (n=2)",
            "",
            " Method",
            " A request counts in the period by the day it was sent or received, or, if not yet sent, the day it was created.",
            " Turnaround is measured in days from sent (or received) to acknowledged, and to executed (outgoing) or response sent",
            " (incoming).",
            " Percentiles use the nearest-rank method: the p-th percentile of n values is the value at rank ⌈p/100 × n⌉ in ascending",
            " order; the median is the 50th percentile.",
            " A request with several types counts once under each; months are calendar months in UTC.",
            "",
            "p Period  Esc Back  ? Help  q Quit",
        ])
    }
}
