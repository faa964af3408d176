import DeskCore
import TermUI

/// The `d` menu: offers the document templates that fit a request and opens the chosen draft.
enum TemplatePicker {
    /// Opens the menu for a loaded request, or says in the message line why there is nothing to offer.
    static func offer(_ details: RequestDetails, state: inout AppState) {
        guard let library = state.context.templates else {
            state.message = .error("No document templates were loaded, so drafting is not available.")
            return
        }
        let request = details.request
        let fitting = library.fitting(request)
        guard !fitting.isEmpty else {
            state.message = .error("No template fits \(request.reference) (\(request.direction.label.lowercased()), "
                + "\(request.status.label.lowercased())).")
            return
        }
        state.dialog = .templates(TemplatePickerState(details: details, templates: fitting))
    }

    static func handle(_ action: DeskAction, state: inout AppState) -> [Effect] {
        guard case .templates(var picker) = state.dialog else { return [] }
        switch action {
        case .templateCancel:
            state.dialog = nil
            return []
        case .templateDown, .templateUp:
            let step = action == .templateDown ? 1 : -1
            picker.highlighted = max(0, min(picker.templates.count - 1, picker.highlighted + step))
            state.dialog = .templates(picker)
        case .templateChoose:
            guard let template = picker.chosen, let library = state.context.templates else { return [] }
            state.dialog = nil
            let context = state.context
            let draft = library.draft(template, for: picker.details, reference: context.reference, officer: context.officer,
                                      now: state.now, timeZone: context.timeZone)
            let request = picker.details.request
            Navigation.openDraft(&state, DraftViewerState(requestID: request.id, reference: request.reference.description,
                                                          draft: draft))
        default:
            break
        }
        return []
    }

    static func render(_ picker: TemplatePickerState, state: AppState, into screen: inout Screen) {
        let area = state.layout.content
        let width = min(area.width, 70)
        let rows = min(picker.templates.count, max(1, area.height - 4))
        let inner = DialogView.frame(title: "Draft from \(picker.details.request.reference)", width: width,
                                     height: min(area.height, rows + 3), in: area, into: &screen)
        guard !inner.isEmpty else { return }
        screen.put("Templates that fit this request:", x: inner.x + 1, y: inner.y, role: .label, maxWidth: inner.width - 1)
        let top = max(0, picker.highlighted - rows + 1)
        for (row, index) in (top..<min(picker.templates.count, top + rows)).enumerated() {
            let template = picker.templates[index]
            let isOn = index == picker.highlighted
            let role: StyleRole = isOn ? .selected : .normal
            let y = inner.y + 1 + row
            screen.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), role: role)
            screen.put((isOn ? "▸ " : "  ") + template.title, x: inner.x, y: y, role: role, maxWidth: inner.width)
        }
        screen.cursor = nil
    }
}
