import DeskCore
import TermUI

/// The page an officer opens every morning: what is overdue, what is due this week, how many
/// requests sit in each status, and what changed last. Every figure opens the matching list.
public enum HomeScreen {
    /// The lines of the page for an overview, headings included, in display order.
    public static func lines(_ overview: DeskOverview, context: DeskContext) -> [HomeLine] {
        var lines: [HomeLine] = [HomeLine(text: "Needs attention")]
        lines.append(HomeLine(text: "Overdue", figure: count(overview.overdue),
                              target: .list(.all, filter: "overdue"), isAlert: overview.overdue > 0))
        lines.append(HomeLine(text: "Due within 7 days", figure: count(overview.dueWithinWeek),
                              target: .list(.all, filter: "due:7d")))
        lines.append(HomeLine(text: "Preservations lapsed or lapsing in 14 days", figure: count(overview.preservationsExpiring),
                              target: .list(.all, filter: "expiring:14d"),
                              isAlert: overview.preservationsExpiring > 0))
        lines.append(HomeLine(text: "Emergencies open", figure: count(overview.emergenciesOpen),
                              target: .list(.all, filter: "open urgency:emergency"),
                              isAlert: overview.emergenciesOpen > 0))
        for direction in [Direction.incoming, .outgoing] {
            let tab: ListTab = direction == .incoming ? .incoming : .outgoing
            lines.append(HomeLine(text: direction.label))
            lines.append(HomeLine(text: "All \(direction.label.lowercased())", figure: count(overview.total(direction)),
                                  target: .list(tab, filter: "")))
            for status in Workflow.statusesInReadingOrder(for: direction) {
                let figure = overview.statusCounts
                    .filter { $0.direction == direction && $0.status == status }
                    .reduce(0) { $0 + $1.count }
                guard figure > 0 else { continue }
                lines.append(HomeLine(text: "  " + status.label, figure: count(figure),
                                      target: .list(tab, filter: "status:\(status.rawValue)")))
            }
        }
        lines.append(HomeLine(text: "Reports"))
        lines.append(HomeLine(text: "Counts, turnaround, refusals and charts",
                              figure: context.keys.keyText(.homeReports, in: .home), target: .reports))
        if !overview.recentlyChanged.isEmpty {
            lines.append(HomeLine(text: "Recently changed"))
            let width = overview.recentlyChanged.map { $0.reference.description.count }.max() ?? 0
            for summary in overview.recentlyChanged {
                let reference = summary.reference.description
                let text = reference + String(repeating: " ", count: width - reference.count)
                    + "  \(summary.country)  \(summary.status.label)"
                lines.append(HomeLine(text: text, figure: context.dates.minute(summary.updatedAt),
                                      target: .request(id: summary.id, reference: summary.reference.description)))
            }
        }
        return lines
    }

    static func selectableLines(_ state: AppState) -> [HomeLine] {
        guard let overview = state.home.overview else { return [] }
        return lines(overview, context: state.context).filter { !$0.isHeading }
    }

    static func handle(_ action: DeskAction, state: inout AppState) -> [Effect] {
        let selectable = selectableLines(state)
        switch action {
        case .homeDown:
            state.home.selection = min(state.home.selection + 1, max(0, selectable.count - 1))
        case .homeUp:
            state.home.selection = max(state.home.selection - 1, 0)
        case .homeOpen:
            guard selectable.indices.contains(state.home.selection),
                let target = selectable[state.home.selection].target
            else { return [] }
            switch target {
            case .list(let tab, let filter):
                return Navigation.openList(&state, tab: tab, filter: filter)
            case .request(let id, let reference):
                return Navigation.openDetail(&state, id: id, reference: reference)
            case .reports:
                return Navigation.openReports(&state)
            }
        case .homeReports:
            return Navigation.openReports(&state)
        case .homeImport:
            return PackageImportScreen.ask(&state)
        case .homeAll:
            return Navigation.openList(&state, tab: .all, filter: "")
        default:
            break
        }
        return []
    }

    static func render(_ state: AppState, into screen: inout Screen) {
        let area = state.layout.content
        guard let overview = state.home.overview else {
            screen.put("Loading the desk…", x: 2, y: area.y + 1, role: .dim)
            return
        }
        let all = lines(overview, context: state.context)
        let selectedLine = nthSelectable(all, state.home.selection)
        let visible = max(1, area.height - 1)
        var top = 0
        if let selectedLine, selectedLine >= visible { top = selectedLine - visible + 1 }
        let figureWidth = 16
        let width = min(area.width - 2, 72)
        for (row, index) in (top..<all.count).prefix(visible).enumerated() {
            let line = all[index]
            let y = area.y + 1 + row
            if line.isHeading {
                screen.put(line.text, x: 2, y: y, role: .header, maxWidth: width)
                continue
            }
            let isSelected = index == selectedLine
            let role: StyleRole = isSelected ? .selected : (line.isAlert ? .warning : .normal)
            screen.fill(Rect(x: 1, y: y, width: width + 2, height: 1), role: role)
            screen.put(isSelected ? "▸" : " ", x: 1, y: y, role: isSelected ? .selected : .marker)
            let labelWidth = max(0, width - figureWidth - 1)
            screen.put(line.text, x: 3, y: y, role: role, maxWidth: labelWidth)
            let figure = DisplayWidth.pad(line.figure, to: figureWidth, alignRight: true)
            screen.put(figure, x: 2 + width - figureWidth, y: y, role: role, maxWidth: figureWidth)
        }
    }

    private static func nthSelectable(_ lines: [HomeLine], _ n: Int) -> Int? {
        var seen = -1
        for (index, line) in lines.enumerated() where !line.isHeading {
            seen += 1
            if seen == n { return index }
        }
        return nil
    }

    private static func count(_ value: Int) -> String { NumberText.grouped(value) }
}
