import DeskCore
import DeskStore
import Foundation

/// How answers about evidence change the desk: a record saved (or hashed and saved), progress
/// of the background hashing, hashing that stopped, a custody timeline, and the opening verify.
enum EvidenceUpdate {
    static func apply(_ msg: Msg, state: inout AppState) -> [Effect] {
        switch msg {
        case .deskVerified(let report):
            state.banner = DeskBanner(report)
            _ = Relayout.apply(&state)
        case .hashProgress(let progress):
            HashingDialog.progress(progress, state: &state)
        case .hashingFailed(.cancelled):
            if case .hashing = state.dialog { state.dialog = nil }
            state.evidenceForm?.isSaving = false
            state.message = DeskMessage("Hashing cancelled; nothing was recorded.")
        case .hashingFailed(let error):
            EvidenceForm.failed("Nothing was recorded: \(error.description).", pathProblem: error.description, state: &state)
        case .timelineLoaded(let itemID, let events):
            guard state.evidenceItem?.itemID == itemID else { return [] }
            state.evidenceItem?.timeline = events
            EvidenceItemView.clampScroll(&state)
        case .evidenceSaved(let saved):
            return self.saved(saved, state: &state)
        default:
            break
        }
        return []
    }

    /// Closes the form (and the progress dialog), says what was recorded, selects it and reloads.
    private static func saved(_ saved: EvidenceSaved, state: inout AppState) -> [Effect] {
        if case .hashing = state.dialog { state.dialog = nil }
        state.evidenceForm = nil
        if state.page == .evidenceForm { state.pages.removeLast() }
        let ids = state.detail?.details?.evidenceIDs ?? []
        switch saved {
        case .exchange(let exchange):
            state.detail?.evidence.selected = exchange.id
            let flow = exchange.flow == .received ? "received" : "sent"
            state.message = DeskMessage("Recorded exchange \(EvidenceID.short(exchange.id, among: ids)) (\(flow), \(exchange.medium.label)).")
        case .items(let items, let skipped):
            if let first = items.first { state.detail?.evidence.selected = first.id }
            state.message = itemsMessage(items, skipped: skipped, among: ids + items.map(\.id))
        case .custody(let event):
            state.message = DeskMessage("Recorded \(event.kind.label.lowercased()) for item \(EvidenceID.short(event.itemID, among: ids)).")
        }
        return Navigation.refresh(&state)
    }

    private static func itemsMessage(_ items: [EvidenceItem], skipped: Int, among ids: [UUID]) -> DeskMessage {
        let mismatched = items.filter { $0.verification == .mismatch }
        let skippedText = skipped == 0 ? "" : " \(skipped) skipped (links or special files)."
        if !mismatched.isEmpty {
            return .error("Recorded, but declared and computed hashes differ for item "
                + mismatched.map { EvidenceID.short($0.id, among: ids) }.joined(separator: ", ") + "; both are kept." + skippedText)
        }
        guard items.count == 1, let item = items.first else {
            return DeskMessage("Hashed and recorded \(items.count) items." + skippedText)
        }
        guard let sha256 = item.computedHashes.first(where: { $0.algorithm == .sha256 }) else {
            return DeskMessage("Added item \(EvidenceID.short(item.id, among: ids))." + skippedText)
        }
        return DeskMessage("Recorded item \(EvidenceID.short(item.id, among: ids)): SHA-256 \(sha256.value)" + (skipped == 0 ? "" : "." + skippedText))
    }
}
