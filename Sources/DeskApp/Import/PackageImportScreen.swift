import DeskStore
import Foundation
import TermUI

/// Importing an exchange package from the desk: the folder is asked for, copied and checked
/// off the loop, and what it would change is shown line by line (the same lines as
/// `mladesk import --package --dry-run`); the officer applies it after a question, or puts it
/// away. Whatever happens, the staged copy is removed.
enum PackageImportScreen {
    // MARK: Update

    /// Asks for the package folder.
    static func ask(_ state: inout AppState) -> [Effect] {
        state.dialog = .prompt(PromptState(
            title: "Import package",
            question: "Folder of the exchange package (written by `mladesk export --package`); empty cancels:",
            purpose: .packageFolder))
        return []
    }

    /// Starts the check of `folder` in the background, behind the progress dialog, under a
    /// number of its own.
    static func check(folder: String, state: inout AppState) -> [Effect] {
        state.packageChecks += 1
        state.dialog = .checkingPackage(folder: folder, check: state.packageChecks)
        return [.stagePackage(folder: folder, check: state.packageChecks)]
    }

    /// Whether the progress dialog of check number `check` is up. The answer of a check the
    /// officer stopped waiting for must not land on a later check, nor on anything else.
    private static func isAwaited(_ check: Int, _ state: AppState) -> Bool {
        guard case .checkingPackage(_, check)? = state.dialog else { return false }
        return true
    }

    /// The check passed: the import screen opens, unless the officer stopped waiting for it.
    static func staged(id: UUID, preview: PackagePreview, check: Int, state: inout AppState) -> [Effect] {
        guard isAwaited(check, state) else { return [.discardPackage(id: id)] }
        state.dialog = nil
        state.packageImport = PackageImportState(stagingID: id, preview: preview)
        Navigation.openPackageImport(&state)
        return []
    }

    static func imported(_ done: PackagePreview, state: inout AppState) -> [Effect] {
        if case .applyingPackage = state.dialog { state.dialog = nil }
        let effects = Navigation.back(&state)
        state.message = DeskMessage("Imported the package from \(done.senderLabel): \(done.added.count) added, "
            + "\(done.updated.count) updated, \(done.unchanged.count) unchanged.")
        return effects
    }

    /// The check could not start while an abandoned one still copies: said as what it is, not
    /// as a refusal.
    static func busy(check: Int, state: inout AppState) {
        guard isAwaited(check, state) else { return }
        state.dialog = .notice(NoticeState(
            title: "Package not checked yet",
            text: "The package checked before is still being copied. Try again when it is done; nothing was imported.",
            isError: false))
    }

    /// A refusal at the check or at applying: a notice with the store's sentence; no request
    /// changed (the store records the refusal in the audit trail).
    /// The refusal of a check nobody waits for any more is not shown (its audit row stays).
    static func failed(_ error: DeskError, during kind: EffectKind, state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        switch kind {
        case .packageCheck(let check):
            guard isAwaited(check, state) else { return [] }
        case .packageImport:
            effects = Navigation.back(&state)
        default:
            return []
        }
        state.dialog = .notice(NoticeState(title: "Package not imported", text: error.description))
        return effects
    }

    static func handle(_ action: DeskAction, state: inout AppState) -> [Effect] {
        guard state.packageImport != nil else { return [] }
        let page = max(1, ScrollingTextPage.body(state).height)
        switch action {
        case .importDown: state.packageImport?.scroll += 1
        case .importUp: state.packageImport?.scroll -= 1
        case .importPageDown: state.packageImport?.scroll += page
        case .importPageUp: state.packageImport?.scroll -= page
        case .importApply:
            state.dialog = .confirmPackage
            return []
        case .importCancel:
            let effects = Navigation.back(&state)
            state.message = DeskMessage("The package was put away; nothing was imported.")
            return effects
        default: return []
        }
        clampScroll(&state)
        return []
    }

    /// The keys of the dialogs the import puts up: the progress of the check and the question.
    static func dialogAction(_ action: DeskAction, state: inout AppState) -> [Effect] {
        switch (state.dialog, action) {
        case (.checkingPackage?, .packageCheckCancel):
            state.dialog = nil
            state.message = DeskMessage("Stopped waiting for the package; nothing was imported.")
            return [.cancel(.package)]
        case (.confirmPackage?, .confirmYes):
            guard let screen = state.packageImport else {
                state.dialog = nil
                return []
            }
            state.dialog = .applyingPackage
            return [.importPackage(id: screen.stagingID)]
        case (.confirmPackage?, .confirmNo):
            state.dialog = nil
        default:
            break
        }
        return []
    }

    static func clampScroll(_ state: inout AppState) {
        guard let screen = state.packageImport else { return }
        let total = rows(previewLines(screen, state).dropFirst(), width: ScrollingTextPage.body(state).width).count
        let scroll = ScrollingTextPage.clamped(screen.scroll, total: total, state: state)
        state.packageImport?.scroll = scroll
    }

    // MARK: Layout

    /// What the dry run prints for the package on screen, the heading first.
    private static func previewLines(_ screen: PackageImportState, _ state: AppState) -> [PackagePreviewLine] {
        PackagePreviewText.lines(screen.preview, applied: false, timeZone: state.context.timeZone)
    }

    /// Preview lines wrapped to the width, each with the role of its kind. A line is sanitised
    /// before it is wrapped: a line break the sender put into a name or a field shows as a mark
    /// and never starts a row that looks like a line of the desk's own.
    static func rows(_ lines: ArraySlice<PackagePreviewLine>, width: Int) -> [ScrollingTextPage.Row] {
        lines.flatMap { line in
            WordWrap.wrap(Sanitiser.visible(line.text), width: max(1, width))
                .map { ScrollingTextPage.Row(text: $0, role: role(line.kind)) }
        }
    }

    private static func role(_ kind: PackagePreviewLine.Kind) -> StyleRole {
        switch kind {
        case .heading, .summary: .header
        case .detail: .value
        case .added: .ok
        case .updated, .note: .warning
        case .unchanged: .dim
        case .fieldChanges, .file: .normal
        }
    }

    // MARK: View

    static func render(_ state: AppState, into screen: inout Screen) {
        guard let importing = state.packageImport else { return }
        let lines = previewLines(importing, state)
        ScrollingTextPage.render(heading: lines.first?.text ?? "", role: .header,
                                 rows: rows(lines.dropFirst(), width: ScrollingTextPage.body(state).width),
                                 scroll: importing.scroll, state: state, into: &screen)
    }

    /// The dialogs of the import: the check in progress, the question, the apply in progress.
    static func renderDialog(_ dialog: Dialog, state: AppState, into screen: inout Screen) {
        let keys = state.context.keys
        let lines: [(String, StyleRole)]
        var footer: [(String, StyleRole)] = []
        let title: String
        switch dialog {
        case .checkingPackage(let folder, _):
            title = "Import package"
            lines = [("Checking package…", .value), (folder, .normal), ("", .normal)]
            footer = [("\(keys.keyText(.packageCheckCancel, in: .packageCheck))  stop waiting (nothing is imported)", .dim)]
        case .confirmPackage:
            title = "Apply the package"
            lines = [(state.packageImport?.question ?? "", .value), ("", .normal)]
            footer = [("\(keys.keyText(.confirmYes, in: .confirm))  apply it in one step", .normal),
                      ("\(keys.keyText(.confirmNo, in: .confirm))  not yet", .normal)]
        case .applyingPackage:
            title = "Apply the package"
            lines = [("Importing the package from \(state.packageImport?.preview.senderLabel ?? "")…", .value)]
        default:
            return
        }
        QuestionDialogs.draw(title: title, lines: lines, footer: footer, state: state, into: &screen)
    }
}
