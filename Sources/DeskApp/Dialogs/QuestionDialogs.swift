import TermUI

/// Draws the yes/no questions: discarding a changed form, and the version conflict; and any
/// dialog of a few wrapped lines. The keys they name come from the key table, so a remapped
/// key is what the dialog shows. Each line is sanitised before it is wrapped, so a line break
/// in a name it quotes cannot make a row of its own.
enum QuestionDialogs {
    static func renderDiscard(_ reason: DiscardReason, state: AppState, into screen: inout Screen) {
        let keys = state.context.keys
        let question = reason == .quit ? "Quit and discard the changes in the form?" : "Discard the changes in this form?"
        let lines = [
            (question, StyleRole.value),
            ("", .normal),
            ("\(keys.keyText(.confirmYes, in: .confirm))  discard the changes", .normal),
            ("\(keys.keyText(.confirmNo, in: .confirm))  keep editing", .normal),
        ]
        draw(title: "Unsaved changes", lines: lines, state: state, into: &screen)
    }

    static func renderConflict(_ info: ConflictInfo, state: AppState, into screen: inout Screen) {
        let keys = state.context.keys
        let when = state.context.dates.minute(info.changedAt)
        let lines = [
            ("\(info.reference) was changed by \(info.changedBy) at \(when), after you opened it.", StyleRole.value),
            ("Your save was refused; nothing was overwritten.", .normal),
            ("", .normal),
            ("\(keys.keyText(.conflictReload, in: .conflict))  reload the stored request (your changes are lost)", .normal),
            ("\(keys.keyText(.conflictKeep, in: .conflict))  keep editing (copy what you need, then reload)", .normal),
        ]
        draw(title: "Changed by someone else", lines: lines, state: state, into: &screen)
    }

    /// Draws `lines` wrapped in a box; `footer` (the key that closes it) stays on the bottom
    /// row when the box is too short for everything, the lines above giving way.
    static func draw(title: String, lines: [(String, StyleRole)], footer: (String, StyleRole)? = nil, state: AppState,
                     into screen: inout Screen) {
        let area = state.layout.content
        let width = min(area.width, 70)
        let wrapped = lines.flatMap { line, role in
            line.isEmpty ? [("", role)] : WordWrap.wrap(Sanitiser.visible(line), width: max(1, width - 4)).map { ($0, role) }
        }
        let footerRows = footer == nil ? 0 : 1
        let inner = DialogView.frame(title: title, width: width, height: min(area.height, wrapped.count + footerRows + 2),
                                     in: area, into: &screen)
        for (row, line) in wrapped.prefix(max(0, inner.height - footerRows)).enumerated() {
            screen.put(line.0, x: inner.x + 1, y: inner.y + row, role: line.1, maxWidth: inner.width - 1)
        }
        if let footer, inner.height > 0 {
            screen.put(footer.0, x: inner.x + 1, y: inner.maxY - 1, role: footer.1, maxWidth: inner.width - 1)
        }
        screen.cursor = nil
    }
}
