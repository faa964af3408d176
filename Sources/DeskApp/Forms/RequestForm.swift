import DeskCore
import Foundation
import TermUI

/// What keys and answers do to an open request form: moving between fields (never blocked),
/// editing, validating a field when it is left, and saving.
enum RequestForm {
    static func handle(_ action: DeskAction, state: inout AppState) -> [Effect] {
        guard let form = state.form else { return [] }
        return FormEditing.handle(action, isDirty: form.isDirty, state: &state, move: { moveFocus(&$0, by: $1) },
                                  save: { save(&$0) })
    }

    /// A key for the focused field; see ``FormEditing/edit(_:in:context:now:layout:)``.
    static func input(_ event: KeyEvent, state: inout AppState) -> [Effect] {
        guard var form = state.form, form.focusedField != nil else { return [] }
        let moveBy = FormEditing.edit(event, in: &form, context: state.context, now: state.now, layout: state.layout)
        state.form = form
        if moveBy != 0 { moveFocus(&state, by: moveBy) }
        return []
    }

    /// Leaves the focused field (validating it) for a neighbour; stops at the ends.
    static func moveFocus(_ state: inout AppState, by step: Int) {
        guard var form = state.form, let target = FormEditing.target(form, by: step) else { return }
        leave(&form, context: state.context, now: state.now)
        FormEditing.focus(&form, on: target)
        state.form = form
        keepFocusVisible(&state)
    }

    /// Marks the focused field visited, clears its type-ahead, and re-checks the visited fields.
    private static func leave(_ form: inout RequestFormState, context: DeskContext, now: Date) {
        guard let field = form.focusedField else { return }
        form.touched.insert(field.id)
        FormEditing.clearTypeAhead(&form)
        form.errors = problems(form, context: context, now: now).fieldErrors.filter { form.touched.contains($0.key) }
    }

    static func keepFocusVisible(_ state: inout AppState) {
        guard var form = state.form else { return }
        FormEditing.keepFocusVisible(&form, layout: state.layout)
        state.form = form
    }

    /// Every problem of the draft: unreadable text first, then the validator's verdict.
    static func problems(_ form: RequestFormState, context: DeskContext, now: Date)
        -> (request: Request, all: [ValidationProblem], fieldErrors: [RequestField: String])
    {
        let (request, parseProblems) = RequestDraft.request(from: form, context: context, now: now)
        let parsed = Set(parseProblems.map(\.field))
        let checked = RequestValidator(reference: context.reference).validate(request, now: now)
            .filter { !parsed.contains($0.field) }
        let all = parseProblems + checked
        var errors: [RequestField: String] = [:]
        for problem in all where errors[problem.field] == nil && form.index(of: problem.field) != nil {
            errors[problem.field] = problem.message
        }
        return (request, all, errors)
    }

    /// Shows every error and jumps to the first, or asks the runner to store the request.
    static func save(_ state: inout AppState) -> [Effect] {
        guard var form = state.form, !form.isSaving else { return [] }
        let checked = problems(form, context: state.context, now: state.now)
        form.touched = Set(form.fields.map(\.id))
        form.errors = checked.fieldErrors
        if let first = form.fields.firstIndex(where: { checked.fieldErrors[$0.id] != nil }) {
            form.focus = first
            let names = form.fields.filter { checked.fieldErrors[$0.id] != nil }.map(\.label)
            state.message = .error("Not saved: \(names.count == 1 ? "1 field needs" : "\(names.count) fields need") "
                + "attention (\(names.joined(separator: ", "))).")
            state.form = form
            keepFocusVisible(&state)
            return []
        }
        if let other = checked.all.first {
            state.message = .error("Not saved: \(other.description).")
            state.form = form
            return []
        }
        if let original = form.original, checked.request == original {
            // Nothing changed: no new version in the trail, and no one else's open form made stale.
            state.form = form
            let effects = Navigation.back(&state)
            state.message = DeskMessage("No changes to save: \(original.reference) is as it was.")
            return effects
        }
        form.isSaving = true
        state.form = form
        state.message = DeskMessage("Saving…")
        return [form.original == nil ? .create(checked.request) : .save(checked.request)]
    }

    /// The store refused the save as invalid: show its problems like the form's own.
    static func applyStoreProblems(_ problems: [ValidationProblem], state: inout AppState) {
        guard var form = state.form else { return }
        form.isSaving = false
        for problem in problems where form.index(of: problem.field) != nil {
            form.touched.insert(problem.field)
            if form.errors[problem.field] == nil { form.errors[problem.field] = problem.message }
        }
        if let first = form.fields.firstIndex(where: { form.errors[$0.id] != nil }) { form.focus = first }
        state.form = form
        state.message = .error("Not saved: " + problems.map(\.description).joined(separator: "; ") + ".")
        keepFocusVisible(&state)
    }
}

extension ChoiceState {
    /// Puts the highlight on the first selected option, so entering a choice field shows
    /// what it holds rather than the top of the list.
    mutating func highlightSelection() {
        guard filter.isEmpty, let first = selected.first,
            let index = visibleOptions.firstIndex(where: { $0.id == first })
        else { return }
        highlighted = index
    }
}
