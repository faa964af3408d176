import DeskCore
import Foundation
import TermUI

/// The Reports page: the same figures and text charts as `mladesk report`, written by
/// ``ReportText`` so screen and command line agree, with bars fitted to the terminal.
enum ReportsScreen {
    /// One screen row of the report.
    struct Row: Equatable {
        var text: String
        var isHeading: Bool
    }

    // MARK: Update

    static func handle(_ action: DeskAction, state: inout AppState) -> [Effect] {
        let page = max(1, body(state).height)
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

    /// The first instant of a period: the start of the same local day a year ago, or none.
    static func start(of period: ReportPeriod, state: AppState) -> Date? {
        guard period == .lastTwelveMonths else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = state.context.timeZone
        return calendar.date(byAdding: .year, value: -1, to: calendar.startOfDay(for: state.now))
    }

    static func loaded(_ model: ReportModel, period: ReportPeriod, state: inout AppState) {
        guard period == state.reports.period else { return }
        state.reports.model = model
        clampScroll(&state)
    }

    static func clampScroll(_ state: inout AppState) {
        guard let model = state.reports.model else { return }
        let area = body(state)
        let total = rows(model, width: area.width, timeZone: state.context.timeZone).count
        state.reports.scroll = max(0, min(state.reports.scroll, total - area.height))
    }

    // MARK: Layout

    /// The report's lines, headings marked (their `===` underline dropped: the role shows them).
    static func rows(_ model: ReportModel, width: Int, timeZone: TimeZone) -> [Row] {
        let chartWidth = max(10, min(60, width - 45))
        let lines = ReportText.render(model, markdown: false, glyph: .block, timeZone: timeZone, chartWidth: chartWidth)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var rows: [Row] = []
        for (index, line) in lines.enumerated() {
            if !line.isEmpty, line.allSatisfy({ $0 == "=" }) { continue }
            let underlined = lines.indices.contains(index + 1) && !lines[index + 1].isEmpty
                && lines[index + 1].allSatisfy { $0 == "=" }
            rows.append(Row(text: line, isHeading: underlined || index == 0))
        }
        while rows.last?.text.isEmpty == true { rows.removeLast() }
        return rows
    }

    static func body(_ state: AppState) -> Rect {
        let area = state.layout.content
        return Rect(x: 1, y: area.y + 1, width: max(0, area.width - 2), height: max(0, area.height - 1))
    }

    // MARK: View

    static func render(_ state: AppState, into screen: inout Screen) {
        let area = state.layout.content
        let keys = state.context.keys
        let heading = "Period: \(state.reports.period.label)  (\(keys.keyText(.reportsPeriod, in: .reports)) to change)"
        screen.put(heading, x: 1, y: area.y, role: .label, maxWidth: area.width - 2)
        let text = body(state)
        guard let model = state.reports.model else {
            screen.put("Counting…", x: text.x, y: text.y, role: .dim, maxWidth: text.width)
            return
        }
        let all = rows(model, width: text.width, timeZone: state.context.timeZone)
        if all.count > text.height {
            let indicator = ScrollIndicator.text(offset: state.reports.scroll, visible: text.height, total: all.count)
            let width = DisplayWidth.of(indicator)
            if DisplayWidth.of(heading) + width + 3 < area.width {
                screen.put(indicator, x: area.width - width - 1, y: area.y, role: .dim)
            }
        }
        for (offset, row) in all.dropFirst(state.reports.scroll).prefix(text.height).enumerated() {
            screen.put(row.text, x: text.x, y: text.y + offset, role: row.isHeading ? .header : .normal, maxWidth: text.width)
        }
    }
}
