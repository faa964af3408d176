import TermUI

/// Draws the whole frame for `state` into `screen` (sized by the caller): title bar, page,
/// dialog, message line, key bar. Pure: the same state always gives the same cells, at any size.
public func view(_ state: AppState, into screen: inout Screen) {
    screen.cursor = nil
    let layout = DeskLayout(width: screen.width, height: screen.height)
    var state = state
    state.width = screen.width
    state.height = screen.height
    guard !layout.isTooSmall else {
        FrameView.renderTooSmall(state, into: &screen)
        return
    }
    FrameView.renderTitle(state, into: &screen)
    if let banner = state.banner { DeskBanner.render(banner, state: state, into: &screen) }
    switch state.page {
    case .home: HomeScreen.render(state, into: &screen)
    case .list: RequestListScreen.render(state, into: &screen)
    case .detail: RequestDetailScreen.render(state, into: &screen)
    case .form: RequestFormScreen.render(state, into: &screen)
    case .help: HelpScreen.render(state, into: &screen)
    case .evidenceItem: EvidenceItemView.render(state, into: &screen)
    case .evidenceForm: if let form = state.evidenceForm { FormView.render(form, state: state, into: &screen) }
    case .draft: DraftViewer.render(state, into: &screen)
    case .reports: ReportsScreen.render(state, into: &screen)
    case .packageImport: PackageImportScreen.render(state, into: &screen)
    }
    switch state.dialog {
    case .discard(let reason): QuestionDialogs.renderDiscard(reason, state: state, into: &screen)
    case .conflict(let info): QuestionDialogs.renderConflict(info, state: state, into: &screen)
    case .status(let dialog): StatusDialog.render(dialog, state: state, into: &screen)
    case .hashing(let dialog): HashingDialog.render(dialog, state: state, into: &screen)
    case .prompt(let prompt): PromptDialog.render(prompt, state: state, into: &screen)
    case .templates(let picker): TemplatePicker.render(picker, state: state, into: &screen)
    case .checkingPackage, .confirmPackage, .applyingPackage:
        if let dialog = state.dialog { PackageImportScreen.renderDialog(dialog, state: state, into: &screen) }
    case .notice(let notice): NoticeDialog.render(notice, state: state, into: &screen)
    case nil: break
    }
    FrameView.renderMessage(state, into: &screen)
    FrameView.renderKeyBar(state, into: &screen)
}
