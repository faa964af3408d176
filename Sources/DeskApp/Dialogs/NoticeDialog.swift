import TermUI

/// What keys do in a notice, and how it is drawn: the text wrapped in a box like the desk's
/// questions, the key that closes it underneath.
enum NoticeDialog {
    static func handle(_ action: DeskAction, state: inout AppState) -> [Effect] {
        if action == .noticeClose { state.dialog = nil }
        return []
    }

    static func render(_ notice: NoticeState, state: AppState, into screen: inout Screen) {
        let close = "\(state.context.keys.keyText(.noticeClose, in: .notice))  close"
        QuestionDialogs.draw(title: notice.title, lines: [(notice.text, notice.isError ? .error : .value), ("", .normal)],
                             footer: [(close, .dim)], state: state, into: &screen)
    }
}
