import TermUI

/// What keys do in a notice, and how it is drawn: the text wrapped in a box, the key that
/// closes it underneath. The text may quote a package, so it is sanitised before it is
/// wrapped: a line break in it shows as a mark instead of starting a row of its own.
enum NoticeDialog {
    static func handle(_ action: DeskAction, state: inout AppState) -> [Effect] {
        if action == .noticeClose { state.dialog = nil }
        return []
    }

    static func render(_ notice: NoticeState, state: AppState, into screen: inout Screen) {
        let area = state.layout.content
        let width = min(area.width, 70)
        let text = WordWrap.wrap(Sanitiser.visible(notice.text), width: max(1, width - 4))
        let height = min(area.height, text.count + 4)
        let inner = DialogView.frame(title: notice.title, width: width, height: height, in: area, into: &screen)
        guard !inner.isEmpty else { return }
        for (row, line) in text.prefix(max(0, inner.height - 2)).enumerated() {
            screen.put(line, x: inner.x + 1, y: inner.y + row, role: notice.isError ? .error : .value,
                       maxWidth: inner.width - 1)
        }
        let close = "\(state.context.keys.keyText(.noticeClose, in: .notice))  close"
        screen.put(close, x: inner.x + 1, y: inner.maxY - 1, role: .dim, maxWidth: inner.width - 1)
        screen.cursor = nil
    }
}
