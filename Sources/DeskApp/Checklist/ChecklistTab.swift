import DeskCore
import Foundation
import TermUI

/// The checklist section of a request: items by group with their state, note, who and when,
/// the completeness meter, and the keys that settle items. Every change goes to the store as
/// an effect; the section reloads from what was stored.
enum ChecklistTab {
    /// One screen row of the checklist; `item` is the index among the items on show.
    struct Row: Equatable {
        var text: String
        var role: StyleRole
        var item: Int?
        /// Who, when and the note, under the item's own row.
        var isFacts = false
        /// A wrapped line of the label above: highlighted with it, without a cursor mark of its own.
        var continuesLabel = false
    }

    /// The items on show: all (obsolete ones last), or only the open required ones.
    static func visibleItems(_ detail: DetailState) -> [ChecklistItem] {
        let checklist = detail.details?.checklist ?? []
        let current = checklist.filter { !$0.isObsolete }
        if detail.checklistOpenRequiredOnly { return current.filter { $0.isRequired && !$0.isSettled } }
        return current + checklist.filter(\.isObsolete)
    }

    // MARK: Update

    static func handle(_ action: DeskAction, state: inout AppState) -> [Effect] {
        guard var detail = state.detail, let request = detail.details?.request else { return [] }
        let items = visibleItems(detail)
        let item = items.indices.contains(detail.checklistCursor) ? items[detail.checklistCursor] : nil
        switch action {
        case .checklistDown, .checklistUp:
            detail.checklistCursor += action == .checklistDown ? 1 : -1
        case .checklistFilter:
            detail.checklistOpenRequiredOnly.toggle()
            detail.checklistCursor = 0
            detail.scroll = 0
        case .checklistToggle:
            guard let item else { return [] }
            let change: ChecklistChange = item.isSettled ? .reopen : .done
            return [.changeChecklist(ChecklistOrder(requestID: request.id, seen: item, changes: [change]))]
        case .checklistNotApplicable:
            guard let item else { return [] }
            if let refusal = ChecklistBuilder.waiverProblem(item, of: request, templates: state.context.reference.checklistTemplates) {
                state.message = .error(refusal + ".")
                return []
            }
            state.dialog = .prompt(PromptState(
                title: "Not applicable", question: "Why does “\(item.label)” not apply to \(request.reference)?",
                text: item.reason, purpose: .notApplicableReason(requestID: request.id, seen: item)))
            return []
        case .checklistNote:
            guard let item else { return [] }
            state.dialog = .prompt(PromptState(
                title: "Note", question: "Note on “\(item.label)” (leave empty to remove it):", text: item.note,
                purpose: .itemNote(requestID: request.id, seen: item)))
            return []
        default:
            return []
        }
        state.detail = detail
        keepCursorVisible(&state)
        return []
    }

    /// The store kept a change: say what it was and load the request again, so the tab, the
    /// meter and the history show what is stored.
    static func changed(_ item: ChecklistItem, requestID: UUID, state: inout AppState) -> [Effect] {
        state.message = DeskMessage("“\(item.label)” is \(item.state.words)\(item.note.isEmpty ? "" : ", with a note").")
        guard state.detail?.id == requestID else { return [] }
        return [.loadDetails(requestID, purpose: .view)]
    }

    /// Clamps the cursor to the items on show and scrolls so its rows are on screen.
    static func keepCursorVisible(_ state: inout AppState) {
        guard var detail = state.detail else { return }
        let count = visibleItems(detail).count
        detail.checklistCursor = max(0, min(detail.checklistCursor, count - 1))
        let area = body(state)
        let all = rows(detail, context: state.context, width: area.width)
        let itemRows = all.indices.filter { all[$0].item == detail.checklistCursor }
        if let first = itemRows.first, let last = itemRows.last {
            let wantedTop = detail.checklistCursor == 0 ? 0 : first
            if last >= detail.scroll + area.height { detail.scroll = last - area.height + 1 }
            if wantedTop < detail.scroll { detail.scroll = wantedTop }
        }
        detail.scroll = max(0, min(detail.scroll, all.count - area.height))
        state.detail = detail
    }

    // MARK: Layout

    /// Below the meter row of the detail body.
    static func body(_ state: AppState) -> Rect {
        let area = state.layout.detailBody
        return Rect(x: area.x, y: area.y + 1, width: area.width, height: max(0, area.height - 1))
    }

    static func rows(_ detail: DetailState, context: DeskContext, width: Int) -> [Row] {
        let items = visibleItems(detail)
        let textWidth = max(1, width - 2)
        var rows: [Row] = []
        var group: String?
        for (index, item) in items.enumerated() {
            let heading = item.isObsolete ? "No longer applies" : item.group
            if heading != group {
                if group != nil { rows.append(Row(text: "", role: .normal)) }
                rows.append(Row(text: heading, role: .header))
                group = heading
            }
            let box: String = switch item.state {
            case .open: "[ ]"
            case .done: "[x]"
            case .notApplicable: "[-]"
            }
            var text = "\(box) \(item.label)\(item.isRequired ? " *" : "")"
            if item.state == .notApplicable { text += " — not applicable: \(item.reason)" }
            let role: StyleRole = item.isObsolete ? .dim : (item.isRequired && !item.isSettled ? .warning : .value)
            for (part, line) in WordWrap.wrap(text, width: textWidth).enumerated() {
                rows.append(Row(text: part == 0 ? line : "    " + line, role: role, item: index, continuesLabel: part > 0))
            }
            var facts: [String] = []
            if let at = item.changedAt, !item.changedBy.isEmpty {
                facts.append("\(item.changedBy) \(context.dates.minute(at))")
            }
            if !item.note.isEmpty { facts.append("Note: \(item.note)") }
            if !facts.isEmpty {
                rows += WordWrap.wrap(facts.joined(separator: " · "), width: max(1, textWidth - 4))
                    .map { Row(text: "    " + $0, role: .dim, item: index, isFacts: true) }
            }
            if index == detail.checklistCursor, !item.guidance.isEmpty {
                rows += WordWrap.wrap("Guidance: \(item.guidance)", width: max(1, textWidth - 4))
                    .map { Row(text: "    " + $0, role: .dim, item: index, isFacts: true) }
            }
        }
        return rows
    }

    // MARK: View

    static func render(_ state: AppState, into screen: inout Screen) {
        guard let detail = state.detail, let details = detail.details else { return }
        let area = state.layout.detailBody
        guard !details.checklist.isEmpty else {
            screen.put("No checklist for this request.", x: area.x, y: area.y, role: .dim, maxWidth: area.width)
            return
        }
        let progress = ChecklistProgress(details.checklist)
        let meter = "\(progress.meter) · all items \(progress.settled)/\(progress.total)"
        let used = screen.put(meter, x: area.x, y: area.y, role: progress.isComplete ? .ok : .warning, maxWidth: area.width)
        let keys = state.context.keys
        let filterKey = keys.keyText(.checklistFilter, in: .checklist)
        let filter = detail.checklistOpenRequiredOnly
            ? "showing open required only (\(filterKey): all)"
            : "\(filterKey): open required only"
        let filterWidth = DisplayWidth.of(filter)
        if used + filterWidth + 2 <= area.width {
            screen.put(filter, x: area.x + area.width - filterWidth, y: area.y,
                       role: detail.checklistOpenRequiredOnly ? .focused : .dim)
        }
        let body = body(state)
        let all = rows(detail, context: state.context, width: body.width)
        if all.isEmpty {
            screen.put("Every required item is settled.", x: body.x, y: body.y, role: .ok, maxWidth: body.width)
        }
        for (offset, row) in all.dropFirst(detail.scroll).prefix(body.height).enumerated() {
            let y = body.y + offset
            let isCursor = row.item == detail.checklistCursor && !row.isFacts
            if isCursor {
                screen.fill(Rect(x: body.x, y: y, width: body.width, height: 1), role: .selected)
            }
            if row.role == .header {
                screen.put(row.text, x: body.x, y: y, role: .header, maxWidth: body.width)
            } else {
                screen.put(isCursor && !row.continuesLabel ? "▸" : " ", x: body.x, y: y, role: isCursor ? .selected : .marker)
                screen.put(row.text, x: body.x + 2, y: y, role: isCursor ? .selected : row.role, maxWidth: body.width - 2)
            }
        }
    }
}
