import DeskCore
import Foundation
import TermUI

/// Typing into the focused field of any form, and the moves between fields that every form
/// makes the same way. Validation is left to each form.
enum FormEditing {
    /// Applies a key to the focused field and returns where focus should move: Enter moves on
    /// from one-line fields; ↑/↓ move within a text area or list and leave it at its edge, so
    /// no field can trap the officer.
    static func edit<Form: FormContent>(_ event: KeyEvent, in form: inout Form, context: DeskContext, now: Date,
                                        layout: DeskLayout) -> Int {
        let index = form.focus
        guard form.values.indices.contains(index) else { return 0 }
        let kind = form.fieldViews[index].kind
        var moveBy = 0
        switch (form.values[index], kind) {
        case (.text(var text), .date):
            if let shifted = dateShortcut(event, text: text.text, context: context, now: now) {
                text = TextFieldState(shifted)
            } else if event == .key(.enter) {
                moveBy = 1
            } else {
                _ = text.handle(event)
            }
            form.values[index] = .text(text)
        case (.text(var text), _):
            if event == .key(.enter) {
                moveBy = 1
            } else {
                _ = text.handle(event)
            }
            form.values[index] = .text(text)
        case (.area(var area), _):
            let before = area
            let handled = area.handle(event, width: FormLayout(form, layout: layout).valueWidth)
            if !handled || area == before, let step = verticalStep(event) { moveBy = step }
            form.values[index] = .area(area)
        case (.choice(var choice), _):
            let before = choice.highlighted
            let handled = choice.handle(event)
            if let step = verticalStep(event), !handled || choice.highlighted == before {
                moveBy = step
            } else if event == .key(.enter) {
                moveBy = 1
            }
            form.values[index] = .choice(choice)
        }
        return moveBy
    }

    /// The index focus moves to, or nil at either end.
    /// The form keys every form answers alike: next and previous field, save, and leave —
    /// asking first when the form has changes. `move` and `save` are the form's own.
    static func handle(_ action: DeskAction, isDirty: Bool, state: inout AppState,
                       move: (inout AppState, Int) -> Void, save: (inout AppState) -> [Effect]) -> [Effect] {
        switch action {
        case .formNext: move(&state, 1)
        case .formPrevious: move(&state, -1)
        case .formSave: return save(&state)
        case .formCancel:
            if isDirty {
                state.dialog = .discard(.leaveForm)
                return []
            }
            return Navigation.back(&state)
        default: break
        }
        return []
    }

    static func target<Form: FormContent>(_ form: Form, by step: Int) -> Int? {
        let count = form.values.count
        guard count > 0 else { return nil }
        let target = max(0, min(count - 1, form.focus + step))
        return target == form.focus ? nil : target
    }

    /// Forgets the type-ahead of a choice field being left, so it shows its whole list again.
    static func clearTypeAhead<Form: FormContent>(_ form: inout Form) {
        guard form.values.indices.contains(form.focus), case .choice(var choice) = form.values[form.focus],
            !choice.filter.isEmpty
        else { return }
        choice.filter = ""
        choice.highlighted = 0
        form.values[form.focus] = .choice(choice)
    }

    /// Puts focus on `index`, a choice list showing what it holds.
    static func focus<Form: FormContent>(_ form: inout Form, on index: Int) {
        form.focus = index
        if case .choice(var choice) = form.values[index] {
            choice.highlightSelection()
            form.values[index] = .choice(choice)
        }
    }

    static func keepFocusVisible<Form: FormContent>(_ form: inout Form, layout: DeskLayout) {
        form.scroll = FormLayout(form, layout: layout)
            .scroll(keeping: form.focus, visible: layout.formBody.height, previous: form.scroll)
    }

    /// `t` today, whatever the field holds (no date is written with a t); `+`/`-` a day later
    /// or earlier when the field is empty or holds a date (else `-` is typed, as dates need it).
    private static func dateShortcut(_ event: KeyEvent, text: String, context: DeskContext, now: Date) -> String? {
        guard case .char(let c) = event, ["t", "+", "-"].contains(c) else { return nil }
        let dates = context.dates
        if c == "t" { return dates.day(now) }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let current: Date?
        if trimmed.isEmpty {
            current = nil
        } else if let parsed = dates.parseDay(trimmed) {
            current = parsed
        } else {
            return nil
        }
        return dates.day(dates.shift(current ?? now, days: c == "+" ? 1 : -1))
    }

    private static func verticalStep(_ event: KeyEvent) -> Int? {
        switch event {
        case .key(.up): -1
        case .key(.down): 1
        default: nil
        }
    }
}
