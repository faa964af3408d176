import DeskCore
import Foundation
import TermUI

/// Moving between pages: what opening or leaving a page does to the stack and which loads it
/// asks for. Returning to a page reloads it, so it shows what was saved meanwhile.
enum Navigation {
    static func openList(_ state: inout AppState, tab: ListTab, filter: String) -> [Effect] {
        state.list.tab = tab
        state.list.filter = TextFieldState(filter)
        state.list.isEditingFilter = false
        state.list.cursor = 0
        state.list.top = 0
        state.list.total = nil
        push(&state, .list)
        return RequestListScreen.reload(&state, force: true)
    }

    static func openDetail(_ state: inout AppState, id: UUID, reference: String) -> [Effect] {
        state.detail = DetailState(id: id, reference: reference)
        push(&state, .detail)
        return [.loadDetails(id, purpose: .view)]
    }

    static func openForm(_ state: inout AppState, _ form: RequestFormState) {
        state.form = form
        push(&state, .form)
    }

    static func openEvidenceForm(_ state: inout AppState, _ form: EvidenceFormState) {
        state.evidenceForm = form
        push(&state, .evidenceForm)
    }

    static func openEvidenceItem(_ state: inout AppState, itemID: UUID) -> [Effect] {
        state.evidenceItem = EvidenceItemState(itemID: itemID)
        push(&state, .evidenceItem)
        return [.loadTimeline(itemID)]
    }

    static func openHelp(_ state: inout AppState) {
        state.help = HelpState()
        push(&state, .help)
    }

    /// Leaves the current page for the one below (the desk never closes this way).
    static func back(_ state: inout AppState) -> [Effect] {
        guard state.pages.count > 1 else { return [] }
        let leaving = state.pages.removeLast()
        var effects: [Effect] = []
        switch leaving {
        case .form: state.form = nil
        case .evidenceForm: state.evidenceForm = nil
        case .evidenceItem: state.evidenceItem = nil
        case .draft: state.draft = nil
        case .detail where !state.pages.contains(.detail): state.detail = nil
        case .packageImport:
            if let id = state.packageImport?.stagingID { effects.append(.discardPackage(id: id)) }
            state.packageImport = nil
        default: break
        }
        return effects + (leaving == .help || leaving == .draft ? [] : refresh(&state))
    }

    /// Asks again for what the current page shows.
    static func refresh(_ state: inout AppState) -> [Effect] {
        switch state.page {
        case .home: return [.loadOverview]
        case .list: return RequestListScreen.reload(&state, force: true)
        case .detail:
            guard let detail = state.detail else { return [] }
            return [.loadDetails(detail.id, purpose: .view)]
        case .evidenceItem:
            guard let detail = state.detail, let item = state.evidenceItem else { return [] }
            return [.loadDetails(detail.id, purpose: .view), .loadTimeline(item.itemID)]
        case .reports: return ReportsScreen.load(&state)
        case .form, .help, .draft, .evidenceForm, .packageImport: return []
        }
    }

    static func openDraft(_ state: inout AppState, _ draft: DraftViewerState) {
        state.draft = draft
        push(&state, .draft)
    }

    static func openPackageImport(_ state: inout AppState) {
        push(&state, .packageImport)
    }

    static func openReports(_ state: inout AppState) -> [Effect] {
        push(&state, .reports)
        return ReportsScreen.load(&state)
    }

    private static func push(_ state: inout AppState, _ page: Page) {
        if state.page == page { return }
        if let existing = state.pages.firstIndex(of: page) {
            state.pages.removeSubrange(existing...)
        }
        state.pages.append(page)
    }
}
