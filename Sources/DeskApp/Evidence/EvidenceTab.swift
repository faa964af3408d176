import DeskCore
import Foundation
import TermUI

/// The Evidence tab of the request detail: a selectable list of exchanges and their items.
/// Enter opens the selected item; `x`, `i` and `c` open the forms that record an exchange, an
/// item of the selected exchange, and a custody event of the selected item.
enum EvidenceTab {
    // MARK: Update

    static func handle(_ action: DeskAction, state: inout AppState) -> [Effect] {
        guard let detail = state.detail, let details = detail.details else {
            return RequestDetailScreen.handle(action, state: &state)
        }
        let records = EvidenceRows.records(details)
        let current = detail.evidence.selected.flatMap { records.firstIndex(of: $0) } ?? 0
        let page = max(1, state.layout.detailBody.height / 3)
        switch action {
        case .evidenceNext: select(&state, records, current + 1)
        case .evidencePrevious: select(&state, records, current - 1)
        case .evidencePageDown: select(&state, records, current + page)
        case .evidencePageUp: select(&state, records, current - page)
        case .evidenceOpen:
            guard let item = selectedItem(state) else {
                state.message = .error("Select an item to open (an exchange has no view of its own).")
                return []
            }
            return Navigation.openEvidenceItem(&state, itemID: item.id)
        case .evidenceRecordExchange:
            Navigation.openEvidenceForm(&state, EvidenceDraft.form(.exchange(details.request), context: state.context,
                                                                   now: state.now))
        case .evidenceAddItem:
            guard let exchange = selectedExchange(state) else {
                let key = state.context.keys.keyText(.evidenceRecordExchange, in: .evidence)
                state.message = .error("Record an exchange first (\(key)); items belong to an exchange.")
                return []
            }
            Navigation.openEvidenceForm(&state, EvidenceDraft.form(.item(exchange), context: state.context, now: state.now))
        case .evidenceAddCustody, .evidenceAttach:
            return openItemForm(action, state: &state)
        default:
            return RequestDetailScreen.handle(action, state: &state)
        }
        return []
    }

    /// `c` and `a`, from the tab or the item view: a custody event, or a file for an item
    /// recorded without one.
    static func openItemForm(_ action: DeskAction, state: inout AppState) -> [Effect] {
        guard let item = selectedItem(state) else {
            state.message = .error("Select an item first.")
            return []
        }
        if action == .evidenceAttach {
            guard item.computedHashes.isEmpty else {
                state.message = .error("Item \(EvidenceID.short(item.id, among: state.detail?.details?.evidenceIDs ?? [])) is already hashed; computed hashes are never replaced.")
                return []
            }
            Navigation.openEvidenceForm(&state, EvidenceDraft.form(.attach(item), context: state.context, now: state.now))
        } else {
            Navigation.openEvidenceForm(&state, EvidenceDraft.form(.custody(item), context: state.context, now: state.now))
        }
        return []
    }

    private static func select(_ state: inout AppState, _ records: [UUID], _ index: Int) {
        guard !records.isEmpty else { return }
        state.detail?.evidence.selected = records[max(0, min(records.count - 1, index))]
        clamp(&state)
    }

    /// The selected item, or nil when an exchange (or nothing) is selected.
    static func selectedItem(_ state: AppState) -> EvidenceItem? {
        guard let details = state.detail?.details, let id = state.detail?.evidence.selected else { return nil }
        return details.items.first { $0.id == id }
    }

    /// The selected exchange, or the exchange of the selected item.
    static func selectedExchange(_ state: AppState) -> EvidenceExchange? {
        guard let details = state.detail?.details, let id = state.detail?.evidence.selected else { return nil }
        let exchangeID = details.items.first { $0.id == id }?.exchangeID ?? id
        return details.exchanges.first { $0.id == exchangeID }
    }

    /// Keeps the selection on a record that exists (the first one otherwise) and its rows on screen.
    static func clamp(_ state: inout AppState) {
        guard var detail = state.detail, let details = detail.details else { return }
        let records = EvidenceRows.records(details)
        if detail.evidence.selected.map({ !records.contains($0) }) ?? true {
            detail.evidence.selected = records.first
        }
        let rows = EvidenceRows.rows(details, context: state.context)
        let visible = max(1, state.layout.detailBody.height)
        var scroll = detail.evidence.scroll
        if let selected = detail.evidence.selected,
            let first = rows.firstIndex(where: { $0.record == selected }),
            let last = rows.lastIndex(where: { $0.record == selected }) {
            if last >= scroll + visible { scroll = last - visible + 1 }
            if first < scroll { scroll = first }
        }
        detail.evidence.scroll = max(0, min(scroll, rows.count - visible))
        state.detail = detail
    }

    // MARK: View

    static func render(_ state: AppState, body: Rect, into screen: inout Screen) {
        guard let detail = state.detail, let details = detail.details else { return }
        let rows = EvidenceRows.rows(details, context: state.context)
        let area = state.layout.content
        if rows.count > body.height {
            let indicator = ScrollIndicator.text(offset: detail.evidence.scroll, visible: body.height, total: rows.count)
            let width = DisplayWidth.of(indicator)
            screen.put(indicator, x: max(0, area.width - width - 1), y: area.y, role: .dim)
        }
        for (offset, row) in rows.dropFirst(detail.evidence.scroll).prefix(body.height).enumerated() {
            let y = body.y + offset
            let isSelected = row.isLead && row.record != nil && row.record == detail.evidence.selected
            if isSelected {
                screen.fill(Rect(x: body.x, y: y, width: body.width, height: 1), role: .selected)
                screen.put("▸", x: body.x - 1, y: y, role: .selected)
            }
            screen.put(DisplayWidth.truncate(row.text, to: body.width), x: body.x, y: y,
                       role: isSelected ? .selected : row.role, maxWidth: body.width)
        }
    }
}
