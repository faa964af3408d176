import TermUI

/// The scroll position of the help page.
public struct HelpState: Equatable, Sendable {
    public var scroll = 0
    public init() {}
}

/// Every key of every scope with what it does, generated from the key tables themselves, so
/// a remapped key shows as remapped and no key can be missing from the help. Each key's action
/// name is shown after what it does, as a keys file (`mladesk help open`) names it; text too
/// long for the screen wraps under itself instead of being cut.
public enum HelpScreen {
    struct Line: Equatable {
        var keys: String
        var help: String
        var isHeading: Bool
        /// The name a keys file uses for the action; nil for the keys of the fields.
        var action: String? = nil
    }

    static func lines(_ keys: KeyBindings) -> [Line] {
        var lines: [Line] = []
        for scope in KeyScope.allCases {
            let bindings = keys.map(scope).bindings
            guard !bindings.isEmpty else { continue }
            if !lines.isEmpty { lines.append(Line(keys: "", help: "", isHeading: false)) }
            lines.append(Line(keys: scope.title, help: "", isHeading: true))
            for binding in bindings {
                lines.append(Line(keys: binding.keys.map(\.description).joined(separator: " / "), help: binding.help,
                                  isHeading: false, action: binding.action.rawValue))
            }
        }
        lines.append(Line(keys: "", help: "", isHeading: false))
        lines.append(Line(keys: "Typing in a field", help: "", isHeading: true))
        lines += fieldKeys.map { Line(keys: $0.keys, help: $0.help, isHeading: false) }
        return lines
    }

    /// One row of the page at its width: keys (or a heading) and a piece of what they do.
    struct Row: Equatable {
        var keys = ""
        var text = ""
        var isHeading = false
    }

    /// The lines laid out for `width` columns: what a key does wraps under itself, after its
    /// action's name; keys wider than their column take a row of their own.
    static func rows(_ keys: KeyBindings, width: Int) -> [Row] {
        let keyWidth = keyColumn(width)
        let textWidth = max(10, width - keyWidth - 4)
        var rows: [Row] = []
        for line in lines(keys) {
            if line.isHeading || (line.keys.isEmpty && line.help.isEmpty) {
                rows.append(Row(keys: line.keys, isHeading: line.isHeading))
                continue
            }
            let text = line.help + (line.action.map { "  (\($0))" } ?? "")
            var pieces = WordWrap.wrap(text, width: textWidth)
            if DisplayWidth.of(line.keys) > keyWidth - 1 {
                rows.append(Row(keys: line.keys))
            } else {
                rows.append(Row(keys: line.keys, text: pieces.isEmpty ? "" : pieces.removeFirst()))
            }
            rows += pieces.map { Row(text: $0) }
        }
        return rows
    }

    static func keyColumn(_ width: Int) -> Int { width >= 100 ? 26 : 20 }

    /// The keys of the fields themselves, the same in every form and dialog; they belong to the
    /// widgets, not to a page, so they are not remapped and are listed here as they are.
    static let fieldKeys: [(keys: String, help: String)] = [
        ("← / → / Home / End", "Move in the text; Ctrl-A and Ctrl-E also go to its start and end"),
        ("Alt-B / Alt-F", "Move back or forward a word"),
        ("Ctrl-W / Ctrl-U / Ctrl-K", "Delete the word before the cursor, everything before it, everything after it"),
        ("t / + / -", "In a date: today, a day later, a day earlier"),
        ("Letters / Space", "In a list: type part of a name to find it, Space to choose it"),
        ("Paste", "Goes into the field whole; a Tab in it is a space"),
    ]

    static func handle(_ action: DeskAction, state: inout AppState) -> [Effect] {
        switch action {
        case .helpDown: state.help.scroll += 1
        case .helpUp: state.help.scroll -= 1
        case .helpPageDown: state.help.scroll += visibleLines(state)
        case .helpPageUp: state.help.scroll -= visibleLines(state)
        case .helpTop: state.help.scroll = 0
        case .helpBottom: state.help.scroll = rows(state).count
        case .helpClose: return Navigation.back(&state)
        default: break
        }
        clampScroll(&state)
        return []
    }

    static func rows(_ state: AppState) -> [Row] {
        rows(state.context.keys, width: state.layout.content.width)
    }

    static func clampScroll(_ state: inout AppState) {
        let total = rows(state).count
        state.help.scroll = max(0, min(state.help.scroll, total - visibleLines(state)))
    }

    /// How many lines fit under the page's first line, which explains the list's marks.
    static func visibleLines(_ state: AppState) -> Int {
        max(1, state.layout.content.height - 1)
    }

    static func render(_ state: AppState, into screen: inout Screen) {
        let area = state.layout.content
        let all = rows(state)
        let visible = visibleLines(state)
        var marksWidth = area.width - 2
        if all.count > visible {
            let indicator = ScrollIndicator.text(offset: state.help.scroll, visible: visible, total: all.count)
            let width = DisplayWidth.of(indicator)
            screen.put(indicator, x: max(0, area.width - width - 1), y: area.y, role: .dim)
            marksWidth = area.width - width - 4
        }
        screen.put(DisplayWidth.truncate("Marks in the list: ! overdue   * emergency", to: max(0, marksWidth)), x: 1, y: area.y,
                   role: .dim, maxWidth: max(0, marksWidth))
        let keyWidth = keyColumn(area.width)
        for (index, row) in all.dropFirst(state.help.scroll).prefix(visible).enumerated() {
            let y = area.y + 1 + index
            if row.isHeading {
                screen.put(row.keys, x: 1, y: y, role: .header, maxWidth: area.width - 2)
            } else {
                screen.put(row.keys, x: 3, y: y, role: .keyName, maxWidth: area.width - 4)
                screen.put(row.text, x: 3 + keyWidth, y: y, role: .normal, maxWidth: max(0, area.width - keyWidth - 4))
            }
        }
    }
}
