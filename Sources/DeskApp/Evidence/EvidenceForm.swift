import DeskCore
import Foundation
import TermUI

/// What keys and answers do to an open evidence form: the request form's moves and editing,
/// its own validation, and saving — which for a file first opens the hashing progress dialog.
enum EvidenceForm {
    static func handle(_ action: DeskAction, state: inout AppState) -> [Effect] {
        guard let form = state.evidenceForm else { return [] }
        return FormEditing.handle(action, isDirty: form.isDirty, state: &state, move: { moveFocus(&$0, by: $1) },
                                  save: { save(&$0) })
    }

    static func input(_ event: KeyEvent, state: inout AppState) -> [Effect] {
        guard var form = state.evidenceForm, form.focusedField != nil else { return [] }
        let moveBy = FormEditing.edit(event, in: &form, context: state.context, now: state.now, layout: state.layout)
        state.evidenceForm = form
        if moveBy != 0 { moveFocus(&state, by: moveBy) }
        return []
    }

    /// Leaves the focused field (checking the visited ones) for a neighbour; stops at the ends.
    static func moveFocus(_ state: inout AppState, by step: Int) {
        guard var form = state.evidenceForm, let target = FormEditing.target(form, by: step) else { return }
        if let field = form.focusedField { form.touched.insert(field.id) }
        FormEditing.clearTypeAhead(&form)
        form.errors = EvidenceDraft.order(from: form, context: state.context, now: state.now).problems
            .filter { form.touched.contains($0.key) }
        FormEditing.focus(&form, on: target)
        FormEditing.keepFocusVisible(&form, layout: state.layout)
        state.evidenceForm = form
    }

    static func keepFocusVisible(_ state: inout AppState) {
        guard var form = state.evidenceForm else { return }
        FormEditing.keepFocusVisible(&form, layout: state.layout)
        state.evidenceForm = form
    }

    /// Shows every error and jumps to the first, or asks for the record; hashing a file opens
    /// the progress dialog, which holds the keyboard until the hashing ends or is cancelled.
    static func save(_ state: inout AppState) -> [Effect] {
        guard var form = state.evidenceForm, !form.isSaving else { return [] }
        let (order, problems) = EvidenceDraft.order(from: form, context: state.context, now: state.now)
        form.touched = Set(form.fields.map(\.id))
        form.errors = problems
        guard let order else {
            if let first = form.fields.firstIndex(where: { problems[$0.id] != nil }) { form.focus = first }
            let names = form.fields.filter { problems[$0.id] != nil }.map(\.id.label)
            state.message = .error("Not saved: \(names.count == 1 ? "1 field needs" : "\(names.count) fields need") "
                + "attention (\(names.joined(separator: ", "))).")
            state.evidenceForm = form
            keepFocusVisible(&state)
            return []
        }
        if case .custody(let event) = order, event.kind == .destroyed, form.destructionWarned != form.contents {
            form.destructionWarned = form.contents
            state.evidenceForm = form
            state.message = .error("Destroyed cannot be undone: nothing can be recorded for this item after it. "
                + "Press \(state.context.keys.keyText(.formSave, in: .form)) again to record it, Esc to go back.")
            return []
        }
        form.isSaving = true
        state.evidenceForm = form
        if let path = order.hashedPath {
            state.dialog = .hashing(HashingDialogState(path: path))
        } else {
            state.message = DeskMessage("Saving…")
        }
        return [order.effect]
    }

    /// The store refused the record or hashing stopped: the form stays, with the reason.
    static func failed(_ text: String, pathProblem: String?, state: inout AppState) {
        if case .hashing = state.dialog { state.dialog = nil }
        guard var form = state.evidenceForm else {
            state.message = .error(text)
            return
        }
        form.isSaving = false
        if let pathProblem, let index = form.index(of: .path) {
            form.errors[.path] = pathProblem
            form.focus = index
        }
        state.evidenceForm = form
        keepFocusVisible(&state)
        state.message = .error(text)
    }
}
