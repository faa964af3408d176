import DeskCore
import TermUI

/// Draws a form: labels with required markers on the left, editors on the right, the error of
/// a visited field under it, scrolled so the focused field is always whole on screen. The
/// request form and the evidence forms are drawn by the same code.
enum FormView {
    static func render<Form: FormContent>(_ form: Form, state: AppState, into screen: inout Screen) {
        let layout = state.layout
        let area = layout.content
        let heading = form.title + (form.isDirty ? "  (changed)" : "")
        screen.put(heading, x: 1, y: area.y, role: .header, maxWidth: area.width - 2)
        let legend = "* required"
        let legendWidth = DisplayWidth.of(legend)
        if DisplayWidth.of(heading) + legendWidth + 4 < area.width {
            screen.put(legend, x: area.width - legendWidth - 1, y: area.y, role: .dim)
        }
        let body = layout.formBody
        let formLayout = FormLayout(form, layout: layout)
        for (index, field) in form.fieldViews.enumerated() {
            let slot = formLayout.slots[index]
            let focused = index == form.focus
            let top = body.y + slot.top - form.scroll
            let rows = Rect(x: formLayout.valueX, y: top, width: formLayout.valueWidth, height: slot.height)
            guard top + slot.height + slot.errorLines.count > body.y, top < body.maxY else { continue }
            let visible = clip(rows, to: body)
            if top >= body.y {
                renderLabel(field, focused: focused, y: top, width: layout.formLabelWidth, into: &screen)
            }
            if visible.height > 0 {
                renderValue(form.values[index], field: field, focused: focused, rect: visible, state: state,
                            into: &screen)
            }
            for (offset, line) in slot.errorLines.enumerated() {
                let y = top + slot.height + offset
                if y >= body.y && y < body.maxY {
                    screen.put(line, x: formLayout.valueX, y: y, role: .error, maxWidth: formLayout.valueWidth)
                }
            }
        }
    }

    private static func clip(_ rect: Rect, to bounds: Rect) -> Rect {
        let top = max(rect.y, bounds.y)
        let bottom = min(rect.maxY, bounds.maxY)
        return Rect(x: rect.x, y: top, width: rect.width, height: max(0, bottom - top))
    }

    private static func renderLabel(_ field: FormFieldView, focused: Bool, y: Int, width: Int, into screen: inout Screen) {
        let role: StyleRole = focused ? .focused : .label
        if focused { screen.put("▸", x: 0, y: y, role: .focused) }
        let used = screen.put(field.label, x: 1, y: y, role: role, maxWidth: width - 4)
        if field.isRequired { screen.put(" *", x: 1 + used, y: y, role: .required) }
    }

    private static func renderValue(_ value: FieldValue, field: FormFieldView, focused: Bool, rect: Rect, state: AppState,
                                    into screen: inout Screen) {
        switch value {
        case .text(let text):
            if field.kind == .date {
                let fieldRect = Rect(x: rect.x, y: rect.y, width: min(rect.width, 12), height: 1)
                screen.fill(fieldRect, role: .input)
                TextFieldView.render(text, into: &screen, rect: fieldRect, focused: focused)
                if focused {
                    let hint = "YYYY-MM-DD · t today · +/- one day"
                    screen.put(hint, x: fieldRect.maxX + 2, y: rect.y, role: .dim, maxWidth: rect.width - fieldRect.width - 2)
                }
            } else {
                screen.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), role: .input)
                TextFieldView.render(text, into: &screen, rect: Rect(x: rect.x, y: rect.y, width: rect.width, height: 1),
                                     focused: focused)
            }
        case .area(let area):
            screen.fill(rect, role: .input)
            TextAreaView.render(area, into: &screen, rect: rect, focused: focused)
        case .choice(let choice):
            if focused {
                ChoiceView.render(choice, into: &screen, rect: rect, focused: true)
            } else {
                let labels = choice.selectedOptions.filter { !$0.id.isEmpty }.map(\.label)
                if labels.isEmpty {
                    screen.put("—", x: rect.x, y: rect.y, role: .dim)
                } else {
                    screen.put(DisplayWidth.truncate(labels.joined(separator: ", "), to: rect.width), x: rect.x, y: rect.y,
                               role: .value, maxWidth: rect.width)
                }
            }
        }
    }
}
