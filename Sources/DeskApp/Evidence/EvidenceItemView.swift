import DeskCore
import Foundation
import TermUI

/// One evidence item in full: its exchange, file, size, both declared and computed hashes in
/// full (a mismatch marked on both and never hiding either), and its custody timeline.
enum EvidenceItemView {
    struct Line: Equatable {
        /// nil for a line across the whole width (headings, notes); "" continues the value column.
        var label: String?
        var text: String
        var role: StyleRole
    }

    static let labelWidth = 18

    // MARK: Update

    static func handle(_ action: DeskAction, state: inout AppState) -> [Effect] {
        guard state.evidenceItem != nil else { return [] }
        let page = state.layout.detailBody.height
        switch action {
        case .itemDown: state.evidenceItem?.scroll += 1
        case .itemUp: state.evidenceItem?.scroll -= 1
        case .itemPageDown: state.evidenceItem?.scroll += page
        case .itemPageUp: state.evidenceItem?.scroll -= page
        case .itemBack: return Navigation.back(&state)
        case .evidenceAddCustody, .evidenceAttach: return EvidenceTab.openItemForm(action, state: &state)
        default: break
        }
        clampScroll(&state)
        return []
    }

    static func clampScroll(_ state: inout AppState) {
        guard var view = state.evidenceItem else { return }
        let body = state.layout.detailBody
        let total = rows(state, width: body.width).count
        view.scroll = max(0, min(view.scroll, total - body.height))
        state.evidenceItem = view
    }

    // MARK: Content

    static func lines(item: EvidenceItem, details: RequestDetails, timeline: [CustodyEvent]?,
                      context: DeskContext) -> [Line] {
        let dates = context.dates
        var lines: [Line] = []
        func field(_ label: String, _ text: String, _ role: StyleRole = .value) {
            lines.append(Line(label: label, text: text.isEmpty ? "—" : text, role: text.isEmpty ? .dim : role))
        }
        func heading(_ text: String) {
            if !lines.isEmpty { lines.append(Line(label: nil, text: "", role: .normal)) }
            lines.append(Line(label: nil, text: text, role: .header))
        }
        field("Category", item.category.label)
        field("Description", item.description)
        if let exchange = details.exchanges.first(where: { $0.id == item.exchangeID }) {
            let flow = exchange.flow == .received ? "Received" : "Sent"
            field("Exchange", "\(flow) \(dates.minute(exchange.at)) · \(exchange.medium.label) · \(EvidenceID.short(exchange.id, among: details.evidenceIDs))")
            if let warning = context.reference.policeChannelWarning(for: exchange.channel) {
                field("", "! " + warning, .error)
            }
        }
        field("Original file", item.originalFileName)
        field("Size", item.size.map { "\(NumberText.grouped(Int($0))) bytes" } ?? "")
        field("Attached from", item.attachedPath ?? "")
        let integrity = details.integrity(of: item)
        let (state, role) = EvidenceRows.verification(item, integrity: integrity)
        field("State", state, role)

        heading("Hashes")
        let mismatched = Set(item.mismatchedAlgorithms)
        if item.declaredHashes.isEmpty && item.computedHashes.isEmpty {
            lines.append(Line(label: nil, text: "none recorded", role: .dim))
        }
        for (kind, digests) in [("declared", item.declaredHashes), ("computed", item.computedHashes)] {
            for digest in digests {
                let bad = mismatched.contains(digest.algorithm)
                lines.append(Line(label: "\(bad ? "≠ " : "")\(digest.algorithm.label) \(kind)", text: digest.value,
                                  role: bad ? .error : .value))
            }
        }

        heading("Custody timeline")
        guard let timeline else {
            lines.append(Line(label: nil, text: "Loading…", role: .dim))
            return lines
        }
        if timeline.isEmpty { lines.append(Line(label: nil, text: "no events recorded", role: .dim)) }
        for event in timeline.inTimeOrder {
            var text = "\(event.kind.label) by \(event.officer)"
            if !event.location.isEmpty { text += " at \(event.location)" }
            let eventRole: StyleRole = event.kind == .verificationFailed ? .error : .value
            lines.append(Line(label: dates.minute(event.at), text: text, role: eventRole))
            if !event.note.isEmpty { lines.append(Line(label: "", text: event.note, role: .dim)) }
        }
        return lines
    }

    /// Screen rows at a width: labels left, values right; a value too long for its column (a
    /// full SHA-256 on 80 columns) goes whole onto the next row, never cut or wrapped inside.
    static func rows(_ state: AppState, width: Int) -> [Line] {
        guard let view = state.evidenceItem, let details = state.detail?.details,
            let item = details.items.first(where: { $0.id == view.itemID })
        else { return [] }
        let valueWidth = max(1, width - labelWidth - 1)
        var rows: [Line] = []
        for line in lines(item: item, details: details, timeline: view.timeline, context: state.context) {
            guard let label = line.label else {
                let wrapped = WordWrap.wrap(line.text, width: max(1, width))
                rows += (wrapped.isEmpty ? [""] : wrapped).map { Line(label: nil, text: $0, role: line.role) }
                continue
            }
            if DisplayWidth.of(line.text) <= valueWidth {
                rows.append(line)
            } else if !line.text.contains(" ") {
                rows.append(Line(label: label, text: "", role: line.role))
                rows.append(Line(label: nil, text: "  " + line.text, role: line.role))
            } else {
                for (index, part) in WordWrap.wrap(line.text, width: valueWidth).enumerated() {
                    rows.append(Line(label: index == 0 ? label : "", text: part, role: line.role))
                }
            }
        }
        return rows
    }

    // MARK: View

    static func render(_ state: AppState, into screen: inout Screen) {
        guard let view = state.evidenceItem else { return }
        let layout = state.layout
        let area = layout.content
        let item = state.detail?.details?.items.first { $0.id == view.itemID }
        let reference = state.detail?.reference ?? ""
        let heading = "Item \(EvidenceID.short(view.itemID, among: state.detail?.details?.evidenceIDs ?? [])) of \(reference)"
        screen.put(heading, x: 1, y: area.y, role: .header, maxWidth: area.width - 2)
        let body = layout.detailBody
        guard item != nil else {
            screen.put("Loading…", x: body.x, y: body.y, role: .dim, maxWidth: body.width)
            return
        }
        let all = rows(state, width: body.width)
        if all.count > body.height {
            let indicator = ScrollIndicator.text(offset: view.scroll, visible: body.height, total: all.count)
            let width = DisplayWidth.of(indicator)
            screen.put(indicator, x: max(0, area.width - width - 1), y: area.y, role: .dim)
        }
        for (offset, row) in all.dropFirst(view.scroll).prefix(body.height).enumerated() {
            let y = body.y + offset
            if let label = row.label {
                screen.put(label, x: body.x, y: y, role: row.role == .error ? .error : .label, maxWidth: labelWidth)
                screen.put(row.text, x: body.x + labelWidth + 1, y: y, role: row.role,
                           maxWidth: body.width - labelWidth - 1)
            } else {
                screen.put(row.text, x: body.x, y: y, role: row.role, maxWidth: body.width)
            }
        }
    }
}
