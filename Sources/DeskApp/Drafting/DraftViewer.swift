import DeskStore
import DeskCore
import TermUI

/// The full-screen draft: the fields the request lacks listed on top, then the rendered text
/// with its `[MISSING: …]` markers picked out, scrolling like the detail page; `w` writes it.
enum DraftViewer {
    /// At most this many rows list the missing fields; the text gets the rest.
    static let missingRows = 3

    // MARK: Update

    static func handle(_ action: DeskAction, state: inout AppState) -> [Effect] {
        guard var viewer = state.draft else { return [] }
        let page = max(1, body(state).height)
        switch action {
        case .draftDown: viewer.scroll += 1
        case .draftUp: viewer.scroll -= 1
        case .draftPageDown: viewer.scroll += page
        case .draftPageUp: viewer.scroll -= page
        case .draftBack: return Navigation.back(&state)
        case .draftWrite:
            state.dialog = fileQuestion(name: viewer.defaultFileName, missing: viewer.draft.missing.count)
            return []
        default: return []
        }
        state.draft = viewer
        clampScroll(&state)
        return []
    }

    /// Asks where to write the draft. A draft that lacks fields says so in the question, since
    /// Enter then writes it with its `[MISSING: …]` markers (the command line asks for `--force`).
    static func fileQuestion(name: String, missing: Int, error: String? = nil) -> Dialog {
        let lacking = missing == 0 ? ""
            : "This draft lacks \(missing) field\(missing == 1 ? "" : "s"), marked [MISSING: …] in it; Enter writes it as it is. "
        var prompt = PromptState(
            title: missing == 0 ? "Write the draft" : "Write the draft with \(missing) missing field\(missing == 1 ? "" : "s")",
            question: lacking + "File to write the draft to (a name alone goes in the folder the desk "
                + "was started from; an existing file is never overwritten):",
            text: name, purpose: .draftFile)
        prompt.error = error
        return .prompt(prompt)
    }

    /// A write that failed (the name taken, the folder missing) asks again, with the name as
    /// typed and why, instead of closing and leaving the officer to type it all again.
    static func writeFailed(_ error: DeskError, state: inout AppState) {
        guard let path = state.draft?.writingTo else {
            state.message = .error(error.description)
            return
        }
        state.draft?.writingTo = nil
        state.message = nil
        state.dialog = fileQuestion(name: path, missing: state.draft?.draft.missing.count ?? 0, error: error.description)
    }

    /// Asks for the draft on show to be written to `path` and recorded in the request's history.
    static func write(to path: String, state: inout AppState) -> [Effect] {
        guard let viewer = state.draft else { return [] }
        state.draft?.writingTo = path
        state.message = DeskMessage("Writing \(path)…")
        return [.writeDraft(DraftWriteOrder(requestID: viewer.requestID, reference: viewer.reference,
                                            template: viewer.draft.template.name, path: path, text: viewer.draft.text))]
    }

    static func clampScroll(_ state: inout AppState) {
        guard var viewer = state.draft else { return }
        let area = body(state)
        let total = rows(viewer.draft, width: area.width).count
        viewer.scroll = max(0, min(viewer.scroll, total - area.height))
        state.draft = viewer
    }

    // MARK: Layout

    /// The text rows at a width: each line of the draft wrapped, blank lines kept.
    static func rows(_ draft: Draft, width: Int) -> [String] {
        draft.lines.flatMap { line -> [String] in
            let wrapped = WordWrap.wrap(line, width: max(1, width))
            return wrapped.isEmpty ? [""] : wrapped
        }
    }

    /// The missing fields as wrapped rows, at most ``missingRows`` (the last one says how many more).
    static func missingLines(_ draft: Draft, width: Int) -> [String] {
        guard !draft.missing.isEmpty else { return ["Nothing is missing."] }
        let count = draft.missing.count == 1 ? "1 field" : "\(draft.missing.count) fields"
        let wrapped = WordWrap.wrap("Missing \(count): " + draft.missing.joined(separator: ", "), width: max(1, width))
        guard wrapped.count > missingRows else { return wrapped }
        return Array(wrapped.prefix(missingRows - 1)) + ["… see the [MISSING: …] markers in the text"]
    }

    /// Where the draft text goes: below the heading, the missing fields and a blank row.
    static func body(_ state: AppState) -> Rect {
        let area = state.layout.content
        let missing = state.draft.map { missingLines($0.draft, width: area.width - 2).count } ?? 1
        let top = area.y + 1 + missing + 1
        return Rect(x: 1, y: top, width: max(0, area.width - 2), height: max(0, area.maxY - top))
    }

    // MARK: View

    static func render(_ state: AppState, into screen: inout Screen) {
        guard let viewer = state.draft else { return }
        let area = state.layout.content
        let draft = viewer.draft
        let missingRole: StyleRole = draft.isComplete ? .ok : .warning
        for (row, line) in missingLines(draft, width: area.width - 2).enumerated() {
            screen.put(line, x: 1, y: area.y + 1 + row, role: missingRole, maxWidth: area.width - 2)
        }
        let text = body(state)
        let all = rows(draft, width: text.width)
        var titleWidth = area.width - 2
        if all.count > text.height {
            let indicator = ScrollIndicator.text(offset: viewer.scroll, visible: text.height, total: all.count)
            let width = DisplayWidth.of(indicator)
            screen.put(indicator, x: max(0, area.width - width - 1), y: area.y, role: .dim)
            titleWidth = max(0, area.width - width - 4)
        }
        // The reference first: on a narrow screen the template's title gives way, not the request.
        screen.put(DisplayWidth.truncate("\(viewer.reference) · \(draft.template.title)", to: titleWidth), x: 1, y: area.y,
                   role: .header, maxWidth: titleWidth)
        for (offset, row) in all.dropFirst(viewer.scroll).prefix(text.height).enumerated() {
            putMarked(row, x: text.x, y: text.y + offset, width: text.width, into: &screen)
        }
    }

    /// Draws a row with every complete `[MISSING: …]` marker in the warning role.
    private static func putMarked(_ row: String, x: Int, y: Int, width: Int, into screen: inout Screen) {
        var rest = Substring(row)
        var column = x
        let open = DraftGaps.marker("").dropLast()
        while !rest.isEmpty, column < x + width {
            let start = rest.range(of: open)
            let end = start.flatMap { rest[$0.upperBound...].firstIndex(of: "]") }
            guard let start, let end else {
                column += screen.put(String(rest), x: column, y: y, role: .normal, maxWidth: x + width - column)
                return
            }
            column += screen.put(String(rest[..<start.lowerBound]), x: column, y: y, role: .normal,
                                 maxWidth: x + width - column)
            column += screen.put(String(rest[start.lowerBound...end]), x: column, y: y, role: .warning,
                                 maxWidth: x + width - column)
            rest = rest[rest.index(after: end)...]
        }
    }
}
