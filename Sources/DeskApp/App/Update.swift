import DeskCore
import DeskStore
import Foundation

/// Applies one message to the desk and returns the work it asks for. Pure: no database, no
/// clock, no terminal; everything it needs is in `state` and `msg`. Afterwards the list keeps
/// the texts of the rows on screen (``ListRowTexts``), so the view finds them written.
public func update(_ state: inout AppState, _ msg: Msg) -> [Effect] {
    defer { RequestListScreen.keepRowTexts(&state) }
    switch msg {
    case .resize(let width, let height):
        state.width = max(0, width)
        state.height = max(0, height)
        return Relayout.apply(&state)
    case .tick(let now):
        state.now = now
        return []
    case .action(let action):
        // Keys typed blind while the terminal is too small to show the desk would change it
        // unseen; only quitting is still taken.
        guard !state.layout.isTooSmall || action == .quit else { return [] }
        state.message = nil
        return ActionUpdate.apply(action, state: &state)
    case .input(let event):
        guard !state.layout.isTooSmall else { return [] }
        if case .prompt = state.dialog { return PromptDialog.input(event, state: &state) }
        if state.dialog != nil { return StatusDialog.input(event, state: &state) }
        switch state.page {
        case .list where state.list.isEditingFilter: return RequestListScreen.input(event, state: &state)
        case .form: return RequestForm.input(event, state: &state)
        case .evidenceForm: return EvidenceForm.input(event, state: &state)
        default: return []
        }
    case .overviewLoaded(let overview):
        state.home.overview = overview
        let count = HomeScreen.selectableLines(state).count
        state.home.selection = max(0, min(state.home.selection, count - 1))
        return []
    case .countLoaded(let query, let total):
        return RequestListScreen.countLoaded(query, total, state: &state)
    case .pageLoaded(let query, let offset, let limit, let rows):
        RequestListScreen.pageLoaded(query, offset: offset, limit: limit, rows: rows, state: &state)
        return []
    case .detailsLoaded(let details, let audit, let purpose):
        return ResultUpdate.detailsLoaded(details, audit: audit, purpose: purpose, state: &state)
    case .saved(let request):
        return ResultUpdate.saved(request, state: &state)
    case .statusChanged(let request):
        state.dialog = nil
        state.message = DeskMessage("\(request.reference) is now \(request.status.label).")
        return Navigation.refresh(&state)
    case .extensionGranted(let request):
        state.message = DeskMessage("Recorded the extension on \(request.reference); its deadline runs to the extended date.")
        return Navigation.refresh(&state)
    case .failed(let error, let kind):
        return ResultUpdate.failed(error, during: kind, state: &state)
    case .deskVerified, .evidenceSaved, .hashProgress, .hashingFailed, .timelineLoaded:
        return EvidenceUpdate.apply(msg, state: &state)
    case .checklistChanged(let item, let requestID):
        return ChecklistTab.changed(item, requestID: requestID, state: &state)
    case .draftWritten(let order):
        state.draft?.writingTo = nil
        state.draft?.filesWritten += 1
        state.message = DeskMessage("Wrote the \(order.template) draft of \(order.reference) to \(order.path); "
            + "it is recorded in the request's history.")
        // The request under the viewer is read again, so its history shows the draft on return.
        guard let detail = state.detail, detail.id == order.requestID else { return [] }
        return [.loadDetails(detail.id, purpose: .view)]
    case .reportLoaded(let model, let period):
        ReportsScreen.loaded(model, period: period, state: &state)
        return []
    case .packageStaged(let id, let preview, let check):
        return PackageImportScreen.staged(id: id, preview: preview, check: check, state: &state)
    case .packageCheckBusy(let check):
        PackageImportScreen.busy(check: check, state: &state)
        return []
    case .packageImported(let done):
        return PackageImportScreen.imported(done, state: &state)
    }
}

/// What a named action does, depending on the dialog and page in front.
enum ActionUpdate {
    static func apply(_ action: DeskAction, state: inout AppState) -> [Effect] {
        if let dialog = state.dialog {
            return dialogAction(action, dialog: dialog, state: &state)
        }
        switch action {
        case .help:
            Navigation.openHelp(&state)
            return []
        case .quit:
            if state.form?.isDirty == true || state.evidenceForm?.isDirty == true {
                state.dialog = .discard(.quit)
                return []
            }
            state.isFinished = true
            return [.quit]
        case .requestNew:
            Navigation.openForm(&state, RequestFormState(newRequestWith: state.context))
            return []
        default:
            break
        }
        switch state.page {
        case .home: return HomeScreen.handle(action, state: &state)
        case .list: return RequestListScreen.handle(action, state: &state)
        case .detail where state.detail?.section == .evidence: return EvidenceTab.handle(action, state: &state)
        case .detail: return RequestDetailScreen.handle(action, state: &state)
        case .form: return RequestForm.handle(action, state: &state)
        case .help: return HelpScreen.handle(action, state: &state)
        case .evidenceItem: return EvidenceItemView.handle(action, state: &state)
        case .evidenceForm: return EvidenceForm.handle(action, state: &state)
        case .draft: return DraftViewer.handle(action, state: &state)
        case .reports: return ReportsScreen.handle(action, state: &state)
        case .packageImport: return PackageImportScreen.handle(action, state: &state)
        }
    }

    private static func dialogAction(_ action: DeskAction, dialog: Dialog, state: inout AppState) -> [Effect] {
        switch (dialog, action) {
        case (.prompt, .quit), (.notice, .quit), (.status, .quit), (.templates, .quit):
            if dialog.holdsTypedText {
                state.dialog = .discard(.quitOver(dialog))
                return []
            }
            state.dialog = nil
            return apply(.quit, state: &state)
        case (.prompt, .promptCancel) where dialog.holdsWriting, (.status, .statusCancel) where dialog.holdsWriting:
            state.dialog = .discard(.closeOver(dialog))
        case (.discard(.closeOver), .confirmYes):
            state.dialog = nil
        case (.discard(.leaveForm), .confirmYes):
            state.dialog = nil
            return Navigation.back(&state)
        case (.discard, .confirmYes):
            state.dialog = nil
            state.isFinished = true
            return [.quit]
        case (.discard(.quitOver(let typedInto)), .confirmNo), (.discard(.closeOver(let typedInto)), .confirmNo):
            state.dialog = typedInto
        case (.discard, .confirmNo):
            state.dialog = nil
        case (.conflict(let info), .conflictReload):
            state.dialog = nil
            return [.loadDetails(info.requestID, purpose: .reloadForm)]
        case (.conflict, .conflictKeep):
            state.dialog = nil
            state.message = DeskMessage("Your changes are still here; saving stays refused until you reload.")
        case (.status, _):
            return StatusDialog.handle(action, state: &state)
        case (.hashing, _):
            return HashingDialog.handle(action, state: &state)
        case (.prompt, _):
            return PromptDialog.handle(action, state: &state)
        case (.templates, _):
            return TemplatePicker.handle(action, state: &state)
        case (.checkingPackage, _), (.confirmPackage, _), (.applyingPackage, _):
            return PackageImportScreen.dialogAction(action, state: &state)
        case (.notice, _):
            return NoticeDialog.handle(action, state: &state)
        default:
            break
        }
        return []
    }
}

/// How answers from the effect runner change the desk.
enum ResultUpdate {
    static func detailsLoaded(_ details: RequestDetails, audit: [AuditEntry], purpose: DetailsPurpose,
                              state: inout AppState) -> [Effect] {
        let request = details.request
        switch purpose {
        case .view:
            guard var detail = state.detail, detail.id == request.id else { return [] }
            detail.details = details
            detail.audit = audit
            detail.reference = request.reference.description
            state.detail = detail
            RequestDetailScreen.clampScroll(&state)
            EvidenceTab.clamp(&state)
            EvidenceItemView.clampScroll(&state)
        case .edit:
            Navigation.openForm(&state, RequestFormState(editing: request, context: state.context))
        case .status:
            state.dialog = .status(StatusDialogState(request: request, context: state.context, checklist: details.checklist,
                                                         history: details.history))
        case .draft:
            TemplatePicker.offer(details, state: &state)
        case .reloadForm:
            guard let form = state.form, form.original?.id == request.id else { return [] }
            var fresh = RequestFormState(editing: request, context: state.context)
            fresh.focus = min(form.focus, fresh.fields.count - 1)
            state.form = fresh
            RequestForm.keepFocusVisible(&state)
            state.message = DeskMessage("Reloaded \(request.reference) as \(request.updatedBy) left it.")
        }
        return []
    }

    static func saved(_ request: Request, state: inout AppState) -> [Effect] {
        let wasNew = state.form?.original == nil
        state.form = nil
        if state.page == .form { state.pages.removeLast() }
        state.message = DeskMessage(wasNew ? "Registered \(request.reference)." : "Saved \(request.reference).")
        if state.page == .detail, state.detail?.id == request.id {
            return Navigation.refresh(&state)
        }
        return Navigation.openDetail(&state, id: request.id, reference: request.reference.description)
    }

    static func failed(_ error: DeskError, during kind: EffectKind, state: inout AppState) -> [Effect] {
        switch kind {
        case .save:
            state.form?.isSaving = false
            switch error {
            case .versionConflict(let reference, let changedBy, let changedAt):
                guard let id = state.form?.original?.id else { break }
                state.message = nil
                state.dialog = .conflict(ConflictInfo(requestID: id, reference: reference, changedBy: changedBy,
                                                      changedAt: changedAt))
                return []
            case .invalid(let problems):
                RequestForm.applyStoreProblems(problems, state: &state)
                return []
            default:
                break
            }
        case .evidence:
            EvidenceForm.failed(error.description, pathProblem: nil, state: &state)
            return []
        case .verify:
            state.banner = .checkFailed(error.description)
            return []
        case .packageCheck, .packageImport:
            return PackageImportScreen.failed(error, during: kind, state: &state)
        case .checklist:
            state.message = .error(error.description)
            return state.page == .detail ? Navigation.refresh(&state) : []
        case .draftWrite:
            DraftViewer.writeFailed(error, state: &state)
            return []
        case .statusChange:
            if case .versionConflict = error {
                // The dialog offered the steps from a status the request no longer has: every
                // retry would be refused again. The request is shown as it is now instead.
                state.dialog = nil
                let effects = Navigation.refresh(&state)
                state.message = .error(error.description + " It is shown as it is now.")
                return effects
            }
            if case .status(var dialog) = state.dialog {
                dialog.isSubmitting = false
                dialog.error = error.description
                state.dialog = .status(dialog)
                return []
            }
        default:
            break
        }
        state.message = .error(error.description)
        return []
    }
}

/// Keeps every page consistent with a new terminal size: scroll positions and the focused
/// field stay on screen.
enum Relayout {
    static func apply(_ state: inout AppState) -> [Effect] {
        guard !state.layout.isTooSmall else { return [] }
        RequestListScreen.clampTop(&state)
        RequestDetailScreen.clampScroll(&state)
        HelpScreen.clampScroll(&state)
        DraftViewer.clampScroll(&state)
        ReportsScreen.clampScroll(&state)
        PackageImportScreen.clampScroll(&state)
        RequestForm.keepFocusVisible(&state)
        EvidenceTab.clamp(&state)
        EvidenceItemView.clampScroll(&state)
        EvidenceForm.keepFocusVisible(&state)
        return []
    }
}
