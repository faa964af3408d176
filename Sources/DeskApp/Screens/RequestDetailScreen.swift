import DeskCore
import TermUI

/// One request in full, a section at a time (Summary, Parties and identifiers, Checklist,
/// Evidence, History), scrolling when a section is longer than the screen.
public enum RequestDetailScreen {
    /// One screen row of a section after wrapping.
    struct Row: Equatable {
        var label: String
        var text: String
        var role: StyleRole
        /// Field values (and their wrapped continuations) sit right of the label column.
        var inValueColumn = false
    }

    static let labelWidth = 20

    // MARK: Update

    static func handle(_ action: DeskAction, state: inout AppState) -> [Effect] {
        guard var detail = state.detail else { return [] }
        if action != .requestExtend { detail.extensionAsked = nil }
        let page = max(1, state.layout.detailBody.height)
        switch action {
        case .detailDown: detail.scroll += 1
        case .detailUp: detail.scroll -= 1
        case .detailPageDown: detail.scroll += page
        case .detailPageUp: detail.scroll -= page
        case .detailNextSection, .detailPreviousSection:
            let count = DetailSection.allCases.count
            let step = action == .detailNextSection ? 1 : count - 1
            detail.section = DetailSection(rawValue: (detail.section.rawValue + step) % count) ?? .summary
            detail.scroll = 0
        case .detailSection1, .detailSection2, .detailSection3, .detailSection4, .detailSection5:
            let sections: [DeskAction] = [.detailSection1, .detailSection2, .detailSection3, .detailSection4, .detailSection5]
            detail.section = DetailSection(rawValue: sections.firstIndex(of: action) ?? 0) ?? .summary
            detail.scroll = 0
        case .detailBack:
            return Navigation.back(&state)
        case .requestEdit:
            guard let details = detail.details else { return [] }
            Navigation.openForm(&state, RequestFormState(editing: details.request, context: state.context))
            return []
        case .requestStatus:
            guard let details = detail.details else { return [] }
            state.dialog = .status(StatusDialogState(request: details.request, context: state.context,
                                                     checklist: details.checklist, history: details.history))
            return []
        case .requestDraft:
            guard let details = detail.details else { return [] }
            TemplatePicker.offer(details, state: &state)
            return []
        case .requestExtend:
            return extend(&state)
        case .checklistUp, .checklistDown, .checklistToggle, .checklistNotApplicable, .checklistNote, .checklistFilter:
            return ChecklistTab.handle(action, state: &state)
        default:
            return []
        }
        state.detail = detail
        clampScroll(&state)
        return []
    }

    /// Asks, then records, that the running deadline allowing one extension was extended (the
    /// EIO's recognition decision, a European preservation order): the first key names it and
    /// its new date, the second records it. Any other key forgets the question.
    private static func extend(_ state: inout AppState) -> [Effect] {
        guard var detail = state.detail, let details = detail.details else { return [] }
        let deadlines = DeadlineLines.deadlines(of: details, context: state.context)
        guard let deadline = deadlines.computed.first(where: { $0.source == .legal && $0.extendedDue != nil }),
              let extended = deadline.extendedDue
        else {
            state.message = .error("No deadline of \(details.request.reference) can be extended now.")
            return []
        }
        if detail.extensionAsked == deadline.ruleID {
            detail.extensionAsked = nil
            state.detail = detail
            return [.grantExtension(details.request.id, ruleID: deadline.ruleID)]
        }
        detail.extensionAsked = deadline.ruleID
        state.detail = detail
        let key = state.context.keys.keyText(.requestExtend, in: .detail)
        state.message = DeskMessage("Was \(deadline.label) extended to \(state.context.dates.minute(extended))? "
            + "Press \(key) again to record it; any other key to leave it.")
        return []
    }

    static func clampScroll(_ state: inout AppState) {
        guard var detail = state.detail else { return }
        if detail.section == .checklist { return ChecklistTab.keepCursorVisible(&state) }
        let body = state.layout.detailBody
        let total = rows(state, width: body.width).count
        detail.scroll = max(0, min(detail.scroll, total - body.height))
        state.detail = detail
    }

    static func rows(_ state: AppState, width: Int) -> [Row] {
        guard let detail = state.detail, let details = detail.details else { return [] }
        let lines = DetailContent.lines(detail.section, details: details, audit: detail.audit,
                                        context: state.context, now: state.now)
        let valueWidth = max(1, width - labelWidth - 1)
        var rows: [Row] = []
        for line in lines {
            switch line {
            case .heading(let text):
                rows.append(Row(label: "", text: text, role: .header))
            case .blank:
                rows.append(Row(label: "", text: "", role: .normal))
            case .text(let text, let role):
                let wrapped = WordWrap.wrap(text, width: max(1, width - 2))
                rows += (wrapped.isEmpty ? [""] : wrapped).map { Row(label: "", text: "  " + $0, role: styleRole(role)) }
            case .field(let label, let value, let role):
                let wrapped = value.isEmpty ? ["—"] : WordWrap.wrap(value, width: valueWidth)
                for (index, part) in wrapped.enumerated() {
                    rows.append(Row(label: index == 0 ? label : "", text: part,
                                    role: value.isEmpty ? .dim : styleRole(role), inValueColumn: true))
                }
            }
        }
        return rows
    }

    private static func styleRole(_ role: DetailRole) -> StyleRole {
        switch role {
        case .value: .value
        case .dim: .dim
        case .warning: .warning
        case .overdue: .overdue
        case .ok: .ok
        case .error: .error
        }
    }

    // MARK: View

    static func render(_ state: AppState, into screen: inout Screen) {
        guard let detail = state.detail else { return }
        let layout = state.layout
        let area = layout.content
        var heading = detail.reference
        if let request = detail.details?.request {
            heading += "  \(request.status.label)  \(request.counterpartCountry)"
        }
        screen.put(heading, x: 1, y: area.y, role: .header, maxWidth: area.width - 2)
        var x = 1
        for section in DetailSection.allCases {
            let text = " \(section.rawValue + 1) \(section.title) "
            let role: StyleRole = section == detail.section ? .selected : .dim
            x += screen.put(text, x: x, y: area.y + 1, role: role, maxWidth: max(0, area.width - x))
        }
        let body = layout.detailBody
        guard detail.details != nil else {
            screen.put("Loading…", x: body.x, y: body.y, role: .dim, maxWidth: body.width)
            return
        }
        if detail.section == .evidence {
            EvidenceTab.render(state, body: body, into: &screen)
            return
        }
        if detail.section == .checklist { return ChecklistTab.render(state, into: &screen) }
        let all = rows(state, width: body.width)
        if all.count > body.height {
            let indicator = ScrollIndicator.text(offset: detail.scroll, visible: body.height, total: all.count)
            let width = DisplayWidth.of(indicator)
            screen.put(indicator, x: max(0, area.width - width - 1), y: area.y, role: .dim)
        }
        for (offset, row) in all.dropFirst(detail.scroll).prefix(body.height).enumerated() {
            let y = body.y + offset
            if row.inValueColumn {
                screen.put(row.label, x: body.x, y: y, role: .label, maxWidth: labelWidth)
                screen.put(row.text, x: body.x + labelWidth + 1, y: y, role: row.role, maxWidth: body.width - labelWidth - 1)
            } else {
                screen.put(row.text, x: body.x, y: y, role: row.role, maxWidth: body.width)
            }
        }
    }
}
