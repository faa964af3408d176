import Foundation
import DeskCore
import TermUI

/// What keys do in the status change dialog, and how it is drawn.
enum StatusDialog {
    static func handle(_ action: DeskAction, state: inout AppState) -> [Effect] {
        guard case .status(var dialog) = state.dialog else { return [] }
        var effects: [Effect] = []
        switch action {
        case .statusCancel:
            state.dialog = nil
            return []
        case .statusNext, .statusPrevious:
            let parts = dialog.parts
            let index = parts.firstIndex(of: dialog.focus) ?? 0
            let step = action == .statusNext ? 1 : parts.count - 1
            dialog.focus = parts[(index + step) % parts.count]
        case .statusUp, .statusDown:
            let key: KeyEvent = .key(action == .statusUp ? .up : .down)
            switch dialog.focus {
            case .targets:
                let step = action == .statusUp ? -1 : 1
                dialog.highlighted = max(0, min(dialog.targets.count - 1, dialog.highlighted + step))
                dialog.error = nil
            case .ground:
                _ = dialog.ground.handle(key)
            case .channel:
                _ = dialog.channel.handle(key)
                followHighlight(&dialog.channel)
            case .when, .note:
                break
            }
        case .statusConfirm:
            if dialog.focus == .ground, dialog.ground.selected.isEmpty {
                _ = dialog.ground.handle(.key(.enter))
            }
            if dialog.focus == .channel, dialog.channel.selected.isEmpty {
                _ = dialog.channel.handle(.key(.enter))
            }
            effects = confirm(&dialog)
        default:
            break
        }
        if !dialog.parts.contains(dialog.focus) { dialog.focus = .targets }
        state.dialog = .status(dialog)
        return effects
    }

    static func input(_ event: KeyEvent, state: inout AppState) -> [Effect] {
        guard case .status(var dialog) = state.dialog else { return [] }
        switch dialog.focus {
        case .note: _ = dialog.note.handle(event)
        case .ground: _ = dialog.ground.handle(event)
        case .channel:
            _ = dialog.channel.handle(event)
            followHighlight(&dialog.channel)
        case .when: _ = dialog.when.handle(event)
        case .targets: break
        }
        dialog.error = nil
        state.dialog = .status(dialog)
        return []
    }

    /// The channel list is one choice: what the officer moves to or types is what is chosen,
    /// as in a list of radio buttons.
    private static func followHighlight(_ channel: inout ChoiceState) {
        if let option = channel.highlightedOption { channel.selected = [option.id] }
    }

    /// Checks what the chosen status requires and asks for the change.
    private static func confirm(_ dialog: inout StatusDialogState) -> [Effect] {
        guard !dialog.isSubmitting else { return [] }
        guard let target = dialog.target else {
            dialog.error = "\(dialog.current.label) is final here: no further status is allowed."
            return []
        }
        if let refusal = dialog.gateRefusals[target] {
            dialog.error = refusal
            return []
        }
        let note = dialog.note.text.trimmingCharacters(in: .whitespaces)
        var ground: RefusalGroundID?
        switch Workflow.requirement(for: target) {
        case .ground:
            guard let chosen = dialog.ground.selected.first else {
                dialog.error = "Choose the ground for refusing."
                dialog.focus = .ground
                return []
            }
            ground = RefusalGroundID(chosen)
        case .reason:
            guard !note.isEmpty else {
                dialog.error = "Give the reason for \(target == .withdrawn ? "withdrawing" : "postponing")."
                dialog.focus = .note
                return []
            }
        case nil:
            break
        }
        let onwards = Workflow.targets(from: target, direction: dialog.direction)
        if onwards.allSatisfy({ $0 == .closed }), dialog.finalConfirmed != target {
            dialog.finalConfirmed = target
            dialog.error = "\(target.label) ends the request's work: \(dialog.reference) "
                + (onwards.isEmpty ? "can never change status again" : "can then only be closed")
                + ". Press Enter again to confirm, Esc to cancel."
            return []
        }
        let whenText = dialog.when.text.trimmingCharacters(in: .whitespaces)
        var at: Date?
        if !whenText.isEmpty {
            guard let parsed = LocalTime.parse(whenText, timeZone: dialog.timeZone) else {
                dialog.error = "'\(whenText)' is not a time: write YYYY-MM-DD HH:MM, or leave it empty for now."
                dialog.focus = .when
                return []
            }
            at = parsed
        }
        let channel = dialog.channelShown ? dialog.channel.selected.first.map { ChannelID($0) } : nil
        dialog.isSubmitting = true
        dialog.error = nil
        return [.changeStatus(StatusChangeOrder(id: dialog.requestID, reference: dialog.reference,
                                                expectedVersion: dialog.version, target: target, note: note,
                                                ground: ground, at: at, channel: channel))]
    }

    /// A refusal naming every open item of a long checklist would push the choices out of the
    /// box; past this many lines it ends with "…", and the checklist tab lists the items.
    static let maxErrorLines = 5

    static func clipped(_ lines: [String], to count: Int) -> [String] {
        guard lines.count > count else { return lines }
        var kept = Array(lines.prefix(count))
        kept[count - 1] += " …"
        return kept
    }

    static func render(_ dialog: StatusDialogState, state: AppState, into screen: inout Screen) {
        let area = state.layout.content
        let needsGround = dialog.requirement == .ground
        let groundRows = needsGround ? 6 : 0
        let channelRows = dialog.channelShown ? 5 : 0
        let width = min(area.width, 64)
        let errorLines = dialog.error.map { clipped(WordWrap.wrap($0, width: max(1, width - 2)), to: maxErrorLines) } ?? []
        let otherRows = 2 + 1 + 1 + groundRows + channelRows + 1 + 2 + 1 + max(1, errorLines.count)
        let listRows = max(1, min(dialog.targets.count, needsGround ? 5 : 9, area.height - otherRows))
        let height = min(area.height, otherRows + listRows)
        let inner = DialogView.frame(title: "Change status of \(dialog.reference)", width: width, height: height,
                                     in: area, into: &screen)
        guard !inner.isEmpty else { return }
        var y = inner.y
        screen.put("Now: \(dialog.current.label)", x: inner.x, y: y, role: .value, maxWidth: inner.width)
        y += 1
        if dialog.targets.isEmpty {
            screen.put("No further status is allowed.", x: inner.x, y: y, role: .dim, maxWidth: inner.width)
            y += 1
        }
        let top = max(0, dialog.highlighted - listRows + 1)
        for (row, index) in (top..<min(dialog.targets.count, top + listRows)).enumerated() {
            let status = dialog.targets[index]
            let isOn = index == dialog.highlighted
            let role: StyleRole = isOn ? (dialog.focus == .targets ? .selected : .focused) : .normal
            let mark = isOn ? "(•) " : "( ) "
            var text = mark + status.label
            switch Workflow.requirement(for: status) {
            case .ground: text += "  (needs a ground)"
            case .reason: text += "  (needs a reason)"
            case nil: break
            }
            if let missing = dialog.missingItems[status] {
                text += missing == 1 ? "  (1 item missing)" : "  (\(missing) items missing)"
            }
            screen.fill(Rect(x: inner.x, y: y + row, width: inner.width, height: 1), role: role)
            screen.put(text, x: inner.x, y: y + row, role: role, maxWidth: inner.width)
        }
        y += listRows + 1
        if needsGround, y + groundRows <= inner.maxY {
            screen.put("Ground *", x: inner.x, y: y, role: dialog.focus == .ground ? .focused : .label)
            ChoiceView.render(dialog.ground, into: &screen,
                              rect: Rect(x: inner.x + 10, y: y, width: max(0, inner.width - 10), height: groundRows - 1),
                              focused: dialog.focus == .ground)
            y += groundRows
        }
        if dialog.channelShown, y + channelRows <= inner.maxY {
            screen.put("Channel", x: inner.x, y: y, role: dialog.focus == .channel ? .focused : .label)
            ChoiceView.render(dialog.channel, into: &screen,
                              rect: Rect(x: inner.x + 10, y: y, width: max(0, inner.width - 10), height: channelRows - 1),
                              focused: dialog.focus == .channel)
            y += channelRows
        }
        guard y < inner.maxY else { return }
        let noteLabel = dialog.requirement == .reason ? "Reason *" : "Note"
        screen.put(noteLabel, x: inner.x, y: y, role: dialog.focus == .note ? .focused : .label)
        let noteRect = Rect(x: inner.x + 10, y: y, width: max(0, inner.width - 10), height: 1)
        screen.fill(noteRect, role: .input)
        TextFieldView.render(dialog.note, into: &screen, rect: noteRect, focused: dialog.focus == .note)
        y += 1
        guard y < inner.maxY else { return }
        screen.put("When", x: inner.x, y: y, role: dialog.focus == .when ? .focused : .label)
        let whenRect = Rect(x: inner.x + 10, y: y, width: max(0, inner.width - 10), height: 1)
        screen.fill(whenRect, role: .input)
        if dialog.when.text.isEmpty && dialog.focus != .when {
            screen.put("now (or YYYY-MM-DD HH:MM when it happened)", x: whenRect.x, y: y, role: .dim, maxWidth: whenRect.width)
        } else {
            TextFieldView.render(dialog.when, into: &screen, rect: whenRect, focused: dialog.focus == .when)
        }
        y += 1
        for (row, line) in errorLines.enumerated() where y + row < inner.maxY {
            screen.put(line, x: inner.x, y: y + row, role: .error, maxWidth: inner.width)
        }
        if dialog.focus == .targets { screen.cursor = nil }
    }
}
