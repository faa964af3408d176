/// Draws rows under a header in columns that adapt to the terminal width.
///
/// Layout: a two-column marker area, then the columns separated by one space. Columns that do not
/// fit are dropped from the right rather than squeezed into unreadable slivers.
public enum TableView {
    /// Columns taken by the marker area, including its separating space.
    public static let markerWidth = 3

    /// Widths for each column (same count as `columns`; 0 for a dropped column). Fixed columns get
    /// their width, flexible ones their minimum plus an even share of what remains. The first
    /// column is cut down rather than dropped so something always shows.
    public static func columnWidths(_ columns: [TableColumn], totalWidth: Int) -> [Int] {
        var widths = Array(repeating: 0, count: columns.count)
        guard totalWidth > 0 else { return widths }
        var used = 0
        var kept = 0
        for (i, column) in columns.enumerated() {
            let separator = i == 0 ? 0 : 1
            if used + separator + column.minimumWidth > totalWidth {
                if i == 0 {
                    widths[0] = totalWidth
                    return widths
                }
                break
            }
            used += separator + column.minimumWidth
            widths[i] = column.minimumWidth
            kept = i + 1
        }
        let flexible = (0..<kept).filter { columns[$0].isFlexible }
        guard !flexible.isEmpty else { return widths }
        let spare = totalWidth - used
        for (n, i) in flexible.enumerated() {
            widths[i] += spare / flexible.count + (n < spare % flexible.count ? 1 : 0)
        }
        return widths
    }

    /// Draws the header (role `.header`, the sort column marked ▲ or ▼) and as many rows as fit,
    /// scrolled so that `selected` is visible; the selected row takes the role `.selected`.
    public static func render(
        columns: [TableColumn], rows: [TableRow], selected: Int?, sortColumn: Int?, descending: Bool,
        into screen: inout Screen, rect: Rect
    ) {
        let top = selected.map { max(0, $0 - (rect.height - 2)) } ?? 0
        render(
            columns: columns, rows: rows, selected: selected, sortColumn: sortColumn, descending: descending,
            offset: top, into: &screen, rect: rect
        )
    }

    /// Like the other `render`, but starts at row `offset`, e.g. one kept by ``Scrolling``.
    public static func render(
        columns: [TableColumn], rows: [TableRow], selected: Int?, sortColumn: Int?, descending: Bool,
        offset: Int, into screen: inout Screen, rect: Rect
    ) {
        guard !rect.isEmpty else { return }
        let (markerArea, body) = rect.splitLeft(markerWidth)
        let widths = columnWidths(columns, totalWidth: body.width)
        screen.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), role: .header)
        var titles = columns.map(\.title)
        if let sortColumn, titles.indices.contains(sortColumn) {
            let arrow = descending ? " ▼" : " ▲"
            let width = widths[sortColumn]
            titles[sortColumn] = DisplayWidth.truncate(titles[sortColumn], to: max(1, width - 2)) + arrow
        }
        drawCells(titles, columns: columns, widths: widths, x: body.x, y: rect.y, role: .header, into: &screen)
        let visibleRows = rect.height - 1
        guard visibleRows > 0, !rows.isEmpty else { return }
        let first = min(max(0, offset), max(0, rows.count - 1))
        for (line, index) in (first..<min(rows.count, first + visibleRows)).enumerated() {
            let row = rows[index]
            let y = rect.y + 1 + line
            let role = index == selected ? .selected : row.role
            screen.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: role)
            screen.put(
                row.marker, x: markerArea.x, y: y, role: index == selected ? .selected : .marker,
                maxWidth: min(2, markerArea.width)
            )
            drawCells(row.cells, columns: columns, widths: widths, x: body.x, y: y, role: role, into: &screen)
        }
    }

    /// Draws each cell cut to its column; the row was filled in `role` first, so the rest of
    /// the column is already blank and needs no padding written.
    private static func drawCells(
        _ texts: [String], columns: [TableColumn], widths: [Int], x: Int, y: Int, role: StyleRole,
        into screen: inout Screen
    ) {
        var col = x
        for (i, column) in columns.enumerated() where widths[i] > 0 {
            let (cell, cellWidth) = fitted(i < texts.count ? texts[i] : "", to: widths[i])
            let gap = column.alignRight ? widths[i] - cellWidth : 0
            screen.put(cell, x: col + gap, y: y, role: role, maxWidth: widths[i] - gap)
            col += widths[i] + 1
        }
    }

    /// The text sanitised and cut to `width` columns (ending in "…" when cut), with its width.
    static func fitted(_ text: String, to width: Int) -> (text: String, width: Int) {
        DisplayWidth.fitted(Sanitiser.visible(text), to: width)
    }
}
