import Foundation
import TermUI

/// The parts of every frame around the page: title bar, message line and key bar, and the
/// notice shown instead of everything when the terminal is too small.
enum FrameView {
    static func renderTitle(_ state: AppState, into screen: inout Screen) {
        let width = state.width
        screen.fill(Rect(x: 0, y: 0, width: width, height: 1), role: .title)
        let used = screen.put(" MLA Desk · \(state.page.title)", x: 0, y: 0, role: .title)
        let right = "\(state.context.officer) · \(state.context.dates.minute(state.now)) "
        let rightWidth = DisplayWidth.of(right)
        if used + rightWidth + 1 <= width {
            screen.put(right, x: width - rightWidth, y: 0, role: .title)
        }
    }

    static func renderMessage(_ state: AppState, into screen: inout Screen) {
        guard let message = state.message else { return }
        let y = state.layout.messageRow
        let shown = DisplayWidth.truncate(Sanitiser.visible(message.text), to: max(0, state.width - 2))
        screen.put(shown, x: 1, y: y, role: message.isError ? .error : .ok, maxWidth: state.width - 2)
    }

    static func renderKeyBar(_ state: AppState, into screen: inout Screen) {
        let y = state.layout.keyBarRow
        screen.fill(Rect(x: 0, y: y, width: state.width, height: 1), role: .keyHint)
        KeyBarView.render(state.context.keys.barItems(for: state.scope), into: &screen, y: y)
    }

    /// Centred where it fits; on a screen of a few cells, as much of it as fits.
    static func renderTooSmall(_ state: AppState, into screen: inout Screen) {
        let lines = ["Terminal too small", "\(state.width)×\(state.height), need \(DeskLayout.minimumWidth)×\(DeskLayout.minimumHeight)"]
        let top = max(0, (state.height - lines.count) / 2)
        for (row, line) in lines.enumerated() {
            let width = DisplayWidth.of(line)
            screen.put(line, x: max(0, (state.width - width) / 2), y: top + row, role: row == 0 ? .warning : .dim)
        }
    }
}
