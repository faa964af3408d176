import TermUI

/// Draws the yes/no questions: discarding a changed form, and the version conflict; and any
/// dialog of a few wrapped lines. The keys they name come from the key table, so a remapped
/// key is what the dialog shows. Each line is sanitised before it is wrapped, so a line break
/// in a name it quotes cannot make a row of its own.
enum QuestionDialogs {
    static func renderDiscard(_ reason: DiscardReason, state: AppState, into screen: inout Screen) {
        let keys = state.context.keys
        let formChanged = state.form?.isDirty == true || state.evidenceForm?.isDirty == true
        let question = switch reason {
        case .leaveForm: "Discard the changes in this form?"
        case .quit: "Quit and discard the changes in the form?"
        case .quitOver: formChanged ? "Quit and discard what you typed here and the changes in the form?"
            : "Quit and discard what you typed here?"
        case .closeOver: "Close and discard what you typed here?"
        }
        let footer = [
            ("\(keys.keyText(.confirmYes, in: .confirm))  discard the changes", StyleRole.normal),
            ("\(keys.keyText(.confirmNo, in: .confirm))  keep editing", .normal),
        ]
        draw(title: "Unsaved changes", lines: [(question, .value), ("", .normal)], footer: footer, state: state, into: &screen)
    }

    static func renderConflict(_ info: ConflictInfo, state: AppState, into screen: inout Screen) {
        let keys = state.context.keys
        let when = state.context.dates.minute(info.changedAt)
        let lines = [
            ("\(info.reference) was changed by \(info.changedBy) at \(when), after you opened it.", StyleRole.value),
            ("Your save was refused; nothing was overwritten.", .normal),
            ("", .normal),
        ]
        let footer = [
            ("\(keys.keyText(.conflictReload, in: .conflict))  reload the stored request (your changes are lost)", StyleRole.normal),
            ("\(keys.keyText(.conflictKeep, in: .conflict))  keep editing (copy what you need, then reload)", .normal),
        ]
        draw(title: "Changed by someone else", lines: lines, footer: footer, state: state, into: &screen)
    }

    /// Draws `lines` wrapped in a box with `footer` (the keys that answer or close it) below
    /// them, each answer on one row, cut to the box. When the box is too short for everything,
    /// the answers keep the bottom rows (the first answers first) and the lines above give way,
    /// so a long name quoted in a question can never hide its answers.
    static func draw(title: String, lines: [(String, StyleRole)], footer: [(String, StyleRole)] = [], state: AppState,
                     into screen: inout Screen) {
        let area = state.layout.content
        let width = min(area.width, 70)
        let body = lines.flatMap { line, role in
            line.isEmpty ? [("", role)] : WordWrap.wrap(Sanitiser.visible(line), width: max(1, width - 4)).map { ($0, role) }
        }
        let keys = footer.map { (Sanitiser.visible($0.0), $0.1) }
        let inner = DialogView.frame(title: title, width: width, height: min(area.height, body.count + keys.count + 2),
                                     in: area, into: &screen)
        let keyRows = min(keys.count, max(0, inner.height))
        let rows = body.prefix(max(0, inner.height - keyRows)) + keys.prefix(keyRows)
        for (row, line) in rows.enumerated() {
            screen.put(line.0, x: inner.x + 1, y: inner.y + row, role: line.1, maxWidth: inner.width - 1)
        }
        screen.cursor = nil
    }
}
