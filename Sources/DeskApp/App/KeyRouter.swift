import TermUI

/// Turns a key press into a message: resize first, then what the focused scope's key table
/// says; printable characters go straight to a focused text widget.
public enum KeyRouter {
    public static func message(for event: KeyEvent, in state: AppState) -> Msg? {
        if case .resize(let width, let height) = event { return .resize(width: width, height: height) }
        let scope = state.scope
        let keys = state.context.keys
        if case .paste = event {
            return takesText(state) ? .input(event) : nil
        }
        if takesText(state) {
            if case .char = event { return .input(event) }
            if isVerticalMove(event), focusScrollsWithin(state) { return .input(event) }
            return keys.action(for: event, in: scope).map(Msg.action) ?? .input(event)
        }
        return keys.action(for: event, in: scope).map(Msg.action)
    }

    /// Whether the focus sits in something that edits text or filters a list by typing.
    static func takesText(_ state: AppState) -> Bool {
        if case .status(let dialog) = state.dialog { return dialog.takesText }
        if case .prompt = state.dialog { return true }
        if state.dialog != nil { return false }
        switch state.page {
        case .list: return state.list.isEditingFilter
        case .form: return state.form?.focusedField != nil
        case .evidenceForm: return state.evidenceForm?.focusedField != nil
        default: return false
        }
    }

    /// Text areas and choice lists use ↑/↓ themselves; they give focus away at their edges.
    private static func focusScrollsWithin(_ state: AppState) -> Bool {
        guard state.dialog == nil else { return false }
        let kind: FormFieldKind? = switch state.page {
        case .form: state.form?.focusedField?.kind
        case .evidenceForm: state.evidenceForm?.focusedField?.kind
        default: nil
        }
        guard let kind else { return false }
        switch kind {
        case .area, .choice, .multiChoice: return true
        case .text, .date: return false
        }
    }

    private static func isVerticalMove(_ event: KeyEvent) -> Bool {
        event == .key(.up) || event == .key(.down)
    }
}
