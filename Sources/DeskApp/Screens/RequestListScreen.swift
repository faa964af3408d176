import DeskCore
import TermUI

/// The request list: tabs, live filter, sortable columns, and rows paged from the case file.
public enum RequestListScreen {
    // MARK: Update

    static func handle(_ action: DeskAction, state: inout AppState) -> [Effect] {
        let rows = state.layout.listRows
        switch action {
        case .listDown: return move(&state, to: state.list.cursor + 1)
        case .listUp: return move(&state, to: state.list.cursor - 1)
        case .listPageDown: return move(&state, to: state.list.cursor + rows)
        case .listPageUp: return move(&state, to: state.list.cursor - rows)
        case .listFirst: return move(&state, to: 0)
        case .listLast: return move(&state, to: (state.list.total ?? 0) - 1)
        case .listOpen:
            guard let row = state.list.selected else { return [] }
            return Navigation.openDetail(&state, id: row.id, reference: row.reference.description)
        case .listBack:
            return Navigation.back(&state)
        case .listFilter:
            state.list.isEditingFilter = true
            state.list.filter.cursor = state.list.filter.text.count
        case .filterApply:
            state.list.isEditingFilter = false
        case .filterCancel:
            state.list.isEditingFilter = false
            state.list.filter = TextFieldState()
            return reload(&state)
        case .listNextTab, .listPreviousTab:
            let tabs = ListTab.allCases
            let index = tabs.firstIndex(of: state.list.tab) ?? 0
            let step = action == .listNextTab ? 1 : tabs.count - 1
            state.list.tab = tabs[(index + step) % tabs.count]
            return reload(&state)
        case .listSortNext, .listSortPrevious:
            let sorts = RequestSort.allCases
            let index = sorts.firstIndex(of: state.list.sort) ?? 0
            let step = action == .listSortNext ? 1 : sorts.count - 1
            state.list.sort = sorts[(index + step) % sorts.count]
            return reload(&state)
        case .listReverse:
            state.list.descending.toggle()
            return reload(&state)
        case .requestEdit, .requestStatus, .requestDraft:
            guard let row = state.list.selected else { return [] }
            let purpose: DetailsPurpose = switch action {
            case .requestEdit: .edit
            case .requestStatus: .status
            default: .draft
            }
            return [.loadDetails(row.id, purpose: purpose)]
        default:
            break
        }
        return []
    }

    /// A key typed on the filter line: the list follows every change.
    static func input(_ event: KeyEvent, state: inout AppState) -> [Effect] {
        let before = state.list.filter.text
        _ = state.list.filter.handle(event)
        return state.list.filter.text == before ? [] : reload(&state)
    }

    /// Builds the query from tab, filter line and sort; when it differs from the current one
    /// (or `force`), forgets the rows and asks for the count and the first pages.
    @discardableResult
    static func reload(_ state: inout AppState, force: Bool = false) -> [Effect] {
        let filter = ListFilter(parsing: state.list.filter.text)
            .resolved(with: state.context.reference, officers: state.home.overview?.officers ?? [])
        var query = RequestQuery(direction: state.list.tab.direction, sort: state.list.sort,
                                 descending: state.list.descending)
        filter.apply(to: &query, now: state.now)
        state.list.filterProblems = filter.problems
        if filter.problems.isEmpty {
            if state.message?.isError == true { state.message = nil }
        } else {
            state.message = .error(filter.problems.joined(separator: "; "))
        }
        guard force || query != state.list.query else { return [] }
        let sameQuery = query == state.list.query
        state.list.query = query
        state.list.window.reset()
        if !sameQuery {
            state.list.cursor = 0
            state.list.top = 0
            state.list.total = nil
        }
        let assumedTotal = state.list.total
            ?? (state.list.cursor / RowWindow.pageSize + RowWindow.reach + 1) * RowWindow.pageSize
        return [.count(query)] + pageEffects(&state, total: assumedTotal)
    }

    static func countLoaded(_ query: RequestQuery, _ total: Int, state: inout AppState) -> [Effect] {
        guard query == state.list.query else { return [] }
        state.list.total = total
        return move(&state, to: state.list.cursor)
    }

    static func pageLoaded(_ query: RequestQuery, offset: Int, limit: Int, rows: [RequestSummary],
                           state: inout AppState) {
        guard query == state.list.query else { return }
        state.list.window.receive(offset: offset, limit: limit, rows: rows)
    }

    /// Moves the cursor (clamped), keeps it on screen and asks for pages it now needs.
    static func move(_ state: inout AppState, to target: Int) -> [Effect] {
        let total = state.list.total ?? 0
        state.list.cursor = max(0, min(target, total - 1))
        clampTop(&state)
        return pageEffects(&state, total: total)
    }

    /// Keeps the cursor row within the visible rows, e.g. after a resize.
    static func clampTop(_ state: inout AppState) {
        let rows = state.layout.listRows
        let total = state.list.total ?? 0
        if state.list.cursor < state.list.top { state.list.top = state.list.cursor }
        if state.list.cursor >= state.list.top + rows { state.list.top = state.list.cursor - rows + 1 }
        state.list.top = max(0, min(state.list.top, max(0, total - rows)))
    }

    private static func pageEffects(_ state: inout AppState, total: Int) -> [Effect] {
        state.list.window.pagesToRequest(around: state.list.cursor, total: total).map {
            .loadPage(state.list.query, offset: $0.lowerBound * RowWindow.pageSize, limit: $0.count * RowWindow.pageSize)
        }
    }

    // MARK: View

    static func render(_ state: AppState, into screen: inout Screen) {
        let layout = state.layout
        let area = layout.content
        renderTabs(state, into: &screen, y: area.y)
        renderFilter(state, into: &screen, y: area.y + 1)
        let table = layout.listTable
        let columns = columns(width: table.width)
        let total = state.list.total ?? 0
        let wide = isWide(table.width)
        let rows = visibleRows(state, total: total).map { index in
            state.list.window.row(at: index).map { tableRow($0, state: state, wide: wide) }
                ?? TableRow(cells: ["…"] + Array(repeating: "", count: columns.count - 1), role: .dim, marker: " ")
        }
        let selected = total > 0 ? state.list.cursor - state.list.top : nil
        let sortColumn = RequestSort.allCases.firstIndex(of: state.list.sort)
        TableView.render(columns: columns, rows: rows, selected: selected, sortColumn: sortColumn,
                         descending: state.list.descending, into: &screen, rect: table)
        if state.list.total == 0 {
            screen.put("No requests match.", x: 2, y: table.y + 2, role: .dim, maxWidth: table.width - 2)
        } else if state.list.total == nil {
            screen.put("Counting…", x: 2, y: table.y + 2, role: .dim, maxWidth: table.width - 2)
        }
    }

    /// The columns at a width: the updated column shows the time only where there is room.
    static func columns(width: Int) -> [TableColumn] {
        [
            TableColumn("Reference", .fixed(13)),
            TableColumn("Country", .fixed(7)),
            TableColumn("Type", .flex(min: 8)),
            TableColumn("Status", .flex(min: 10)),
            TableColumn("Due", .fixed(10)),
            TableColumn("Officer", .flex(min: 7)),
            TableColumn("Updated", .fixed(isWide(width) ? 16 : 10)),
        ]
    }

    /// Whether the table is wide enough for the updated column to show the time.
    static func isWide(_ tableWidth: Int) -> Bool { tableWidth >= 100 }

    /// The positions of the rows on screen: the ones painted, and the ones whose texts are kept.
    private static func visibleRows(_ state: AppState, total: Int) -> Range<Int> {
        state.list.top..<max(state.list.top, min(total, state.list.top + state.layout.listRows))
    }

    /// A row as painted now: its texts as kept in ``ListRowTexts`` (written afresh when not
    /// kept), its role and marker from whether it is overdue at this minute.
    static func tableRow(_ row: RequestSummary, state: AppState, wide: Bool) -> TableRow {
        return TableRow(
            cells: state.list.rowTexts.cells(for: row, wide: wide) ?? cells(row, context: state.context, wide: wide),
            role: row.isOverdue(at: state.now) ? .overdue : .normal,
            marker: row.marks(at: state.now))
    }

    /// The texts of a row's cells, in the order of ``columns(width:)``.
    static func cells(_ row: RequestSummary, context: DeskContext, wide: Bool) -> [String] {
        let dates = context.dates
        let typeLabels = row.types.map { context.reference.requestType($0)?.label ?? $0.rawValue }
        var type = typeLabels.first ?? ""
        if typeLabels.count > 1 { type += " +\(typeLabels.count - 1)" }
        return [
            row.reference.description, row.country.rawValue, type, row.status.label,
            row.due.map(dates.day) ?? "", row.officer,
            wide ? dates.minute(row.updatedAt) : dates.day(row.updatedAt),
        ]
    }

    /// Keeps the texts of the rows on screen in ``ListRowTexts``, so the view finds them
    /// written; ``update(_:_:)`` calls it after every message while the list shows.
    static func keepRowTexts(_ state: inout AppState) {
        guard state.page == .list, let total = state.list.total else { return }
        let onScreen = visibleRows(state, total: total).compactMap(state.list.window.row(at:))
        let wide = isWide(state.layout.listTable.width)
        let context = state.context
        state.list.rowTexts.keep(onScreen, wide: wide) { cells($0, context: context, wide: wide) }
    }

    private static func renderTabs(_ state: AppState, into screen: inout Screen, y: Int) {
        var x = 1
        for tab in ListTab.allCases {
            let isCurrent = tab == state.list.tab
            let text = isCurrent ? "[\(tab.label)]" : " \(tab.label) "
            x += screen.put(text, x: x, y: y, role: isCurrent ? .selected : .dim) + 1
        }
        var right = ""
        if let total = state.list.total {
            right = total == 0
                ? "0 of 0"
                : ScrollIndicator.text(offset: state.list.top, visible: min(state.layout.listRows, total - state.list.top),
                                       total: total)
        }
        let sortText = "by \(state.list.sort.label) \(state.list.descending ? "↓" : "↑")"
        let combined = right.isEmpty ? sortText : "\(right)  \(sortText)"
        let width = DisplayWidth.of(combined)
        if x + width < state.width {
            screen.put(combined, x: state.width - width - 1, y: y, role: .dim)
        }
    }

    private static func renderFilter(_ state: AppState, into screen: inout Screen, y: Int) {
        let label = "Filter: "
        let labelWidth = screen.put(label, x: 1, y: y, role: .label)
        let rect = Rect(x: 1 + labelWidth, y: y, width: max(0, state.width - labelWidth - 2), height: 1)
        if state.list.isEditingFilter {
            TextFieldView.render(state.list.filter, into: &screen, rect: rect, focused: true)
        } else if state.list.filter.text.isEmpty {
            let hint = "press \(state.context.keys.keyText(.listFilter, in: .list)) to filter"
            screen.put(hint, x: rect.x, y: y, role: .dim, maxWidth: rect.width)
        } else {
            let used = screen.put(state.list.filter.text, x: rect.x, y: y, role: .value, maxWidth: rect.width)
            let problems = state.list.filterProblems
            if !problems.isEmpty, used + 4 < rect.width {
                screen.put("  ! " + problems.joined(separator: "; "), x: rect.x + used, y: y, role: .error,
                           maxWidth: rect.width - used)
            }
        }
    }
}
