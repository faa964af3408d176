import DeskCore
import TermUI

/// What keys do in a one-line text dialog, and how it is drawn.
enum PromptDialog {
    static func handle(_ action: DeskAction, state: inout AppState) -> [Effect] {
        guard case .prompt(var prompt) = state.dialog else { return [] }
        switch action {
        case .promptCancel:
            state.dialog = nil
            return []
        case .promptConfirm:
            let text = prompt.field.text.trimmingCharacters(in: .whitespaces)
            switch prompt.purpose {
            case .notApplicableReason(let requestID, let seen):
                guard !text.isEmpty else {
                    prompt.error = "Give the reason why this item does not apply."
                    state.dialog = .prompt(prompt)
                    return []
                }
                state.dialog = nil
                guard seen.state != .notApplicable || text != seen.reason else { return [] }
                return [.changeChecklist(ChecklistOrder(requestID: requestID, seen: seen,
                                                        changes: [.notApplicable(reason: text)]))]
            case .itemNote(let requestID, let seen):
                state.dialog = nil
                guard text != seen.note else { return [] }
                return [.changeChecklist(ChecklistOrder(requestID: requestID, seen: seen, changes: [.note(text)]))]
            case .draftFile:
                guard !text.isEmpty else {
                    prompt.error = "Give a file name."
                    state.dialog = .prompt(prompt)
                    return []
                }
                state.dialog = nil
                return DraftViewer.write(to: text, state: &state)
            case .packageFolder:
                state.dialog = nil
                return text.isEmpty ? [] : PackageImportScreen.check(folder: text, state: &state)
            }
        default:
            return []
        }
    }

    static func input(_ event: KeyEvent, state: inout AppState) -> [Effect] {
        guard case .prompt(var prompt) = state.dialog else { return [] }
        _ = prompt.field.handle(event)
        prompt.error = nil
        state.dialog = .prompt(prompt)
        return []
    }

    static func render(_ prompt: PromptState, state: AppState, into screen: inout Screen) {
        let area = state.layout.content
        let width = min(area.width, 70)
        let textWidth = max(1, width - 4)
        let question = WordWrap.wrap(prompt.question, width: textWidth)
        let error = prompt.error.map { WordWrap.wrap($0, width: textWidth) } ?? []
        let height = min(area.height, 2 + question.count + 2 + max(1, error.count))
        let inner = DialogView.frame(title: prompt.title, width: width, height: height, in: area, into: &screen)
        guard !inner.isEmpty else { return }
        var y = inner.y
        for line in question {
            screen.put(line, x: inner.x + 1, y: y, role: .value, maxWidth: inner.width - 1)
            y += 1
        }
        y += 1
        let field = Rect(x: inner.x + 1, y: y, width: max(0, inner.width - 2), height: 1)
        TextFieldView.render(prompt.field, into: &screen, rect: field, focused: true)
        for line in error {
            y += 1
            screen.put(line, x: inner.x + 1, y: y, role: .error, maxWidth: inner.width - 1)
        }
    }
}
