import DeskCore
import Foundation
import TermUI

/// The Reports page: the same figures and text charts as `mladesk report`, written by
/// ``ReportText`` so screen and command line agree, with bars fitted to the terminal.
enum ReportsScreen {
    // MARK: Update

    static func handle(_ action: DeskAction, state: inout AppState) -> [Effect] {
        let page = max(1, ScrollingTextPage.body(state).height)
        switch action {
        case .reportsDown: state.reports.scroll += 1
        case .reportsUp: state.reports.scroll -= 1
        case .reportsPageDown: state.reports.scroll += page
        case .reportsPageUp: state.reports.scroll -= page
        case .reportsPeriod:
            let periods = ReportPeriod.allCases
            let index = periods.firstIndex(of: state.reports.period) ?? 0
            state.reports.period = periods[(index + 1) % periods.count]
            return load(&state)
        case .reportsBack: return Navigation.back(&state)
        default: return []
        }
        clampScroll(&state)
        return []
    }

    /// Forgets the figures on show and asks for those of the chosen period.
    static func load(_ state: inout AppState) -> [Effect] {
        state.reports.model = nil
        state.reports.scroll = 0
        return [.loadReport(state.reports.period, from: start(of: state.reports.period, state: state))]
    }

    /// The first instant of a period, or none: twelve months back to the day after this one, so
    /// that with today they make 365 (or 366) days, as `report --from` counts its days.
    static func start(of period: ReportPeriod, state: AppState) -> Date? {
        guard period == .lastTwelveMonths else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = state.context.timeZone
        return calendar.date(byAdding: DateComponents(year: -1, day: 1), to: calendar.startOfDay(for: state.now))
    }

    static func loaded(_ model: ReportModel, period: ReportPeriod, state: inout AppState) {
        guard period == state.reports.period else { return }
        state.reports.model = model
        clampScroll(&state)
    }

    static func clampScroll(_ state: inout AppState) {
        guard let model = state.reports.model else { return }
        let total = rows(model, width: ScrollingTextPage.body(state).width, timeZone: state.context.timeZone).count
        state.reports.scroll = ScrollingTextPage.clamped(state.reports.scroll, total: total, state: state)
    }

    // MARK: Layout

    /// The report's lines, headings marked (their `===` underline dropped: the role shows them),
    /// tables fitted to the page and sentences wrapped: nothing runs off its right edge.
    static func rows(_ model: ReportModel, width: Int, timeZone: TimeZone) -> [ScrollingTextPage.Row] {
        let chartWidth = max(10, min(60, width - 45))
        let lines = ReportText.render(model, markdown: false, glyph: .block, timeZone: timeZone, chartWidth: chartWidth,
                                      tableWidth: width)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { line in line.isEmpty ? [""] : WordWrap.wrap(String(line), width: max(1, width)) }
        var rows: [ScrollingTextPage.Row] = []
        for (index, line) in lines.enumerated() {
            if !line.isEmpty, line.allSatisfy({ $0 == "=" }) { continue }
            let underlined = lines.indices.contains(index + 1) && !lines[index + 1].isEmpty
                && lines[index + 1].allSatisfy { $0 == "=" }
            rows.append(ScrollingTextPage.Row(text: line, role: underlined || index == 0 ? .header : .normal))
        }
        while rows.last?.text.isEmpty == true { rows.removeLast() }
        return rows
    }

    // MARK: View

    static func render(_ state: AppState, into screen: inout Screen) {
        let keys = state.context.keys
        let heading = "Period: \(state.reports.period.label)  (\(keys.keyText(.reportsPeriod, in: .reports)) to change)"
        let width = ScrollingTextPage.body(state).width
        let all = state.reports.model.map { rows($0, width: width, timeZone: state.context.timeZone) }
            ?? [ScrollingTextPage.Row(text: "Counting…", role: .dim)]
        ScrollingTextPage.render(heading: heading, role: .label, rows: all, scroll: state.reports.scroll, state: state,
                                 into: &screen)
    }
}
