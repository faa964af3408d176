import TermUI

/// A read-only page of rows under a one-row heading, scrolled a row or a screen at a time, with
/// "x–y of n" at the heading's right end when the rows do not all fit. The reports and a package
/// import are such pages and differ only in their heading and rows, so both scroll, clamp and
/// show their place through this one definition.
enum ScrollingTextPage {
    /// One row of text and the role it is drawn in.
    struct Row: Equatable {
        var text: String
        var role: StyleRole
    }

    /// Where the rows go: the content area below the heading, one column in on each side.
    static func body(_ state: AppState) -> Rect {
        let area = state.layout.content
        return Rect(x: 1, y: area.y + 1, width: max(0, area.width - 2), height: max(0, area.height - 1))
    }

    /// `scroll` kept in range: the last of `total` rows never rises above the bottom of the body.
    static func clamped(_ scroll: Int, total: Int, state: AppState) -> Int {
        max(0, min(scroll, total - body(state).height))
    }

    /// Draws the heading, the rows from `scroll` on, and where they are when they do not all fit,
    /// unless that would run into the heading.
    static func render(heading: String, role: StyleRole, rows: [Row], scroll: Int, state: AppState,
                       into screen: inout Screen) {
        let area = state.layout.content
        let used = screen.put(heading, x: 1, y: area.y, role: role, maxWidth: area.width - 2)
        let text = body(state)
        if rows.count > text.height {
            let indicator = ScrollIndicator.text(offset: scroll, visible: text.height, total: rows.count)
            let width = DisplayWidth.of(indicator)
            if used + width + 3 < area.width {
                screen.put(indicator, x: area.width - width - 1, y: area.y, role: .dim)
            }
        }
        for (offset, row) in rows.dropFirst(scroll).prefix(text.height).enumerated() {
            screen.put(row.text, x: text.x, y: text.y + offset, role: row.role, maxWidth: text.width)
        }
    }
}
