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

    /// Most rows a message takes: one that does not fit its line rises over the page's last
    /// rows until the next key, so a refusal is read whole — its end is usually what to do.
    static let maxMessageRows = 3

    static func renderMessage(_ state: AppState, into screen: inout Screen) {
        guard let message = state.message else { return }
        let width = max(1, state.width - 2)
        var lines = WordWrap.wrap(Sanitiser.visible(message.text), width: width)
        if lines.count > maxMessageRows {
            lines = Array(lines.prefix(maxMessageRows))
            lines[maxMessageRows - 1] = DisplayWidth.truncate(lines[maxMessageRows - 1] + " …", to: width)
        }
        let top = state.layout.messageRow - (lines.count - 1)
        for (row, line) in lines.enumerated() {
            screen.fill(Rect(x: 0, y: top + row, width: state.width, height: 1), role: .normal)
            screen.put(line, x: 1, y: top + row, role: message.isError ? .error : .ok, maxWidth: width)
        }
    }

    static func renderKeyBar(_ state: AppState, into screen: inout Screen) {
        let y = state.layout.keyBarRow
        screen.fill(Rect(x: 0, y: y, width: state.width, height: 1), role: .keyHint)
        let bar = state.context.keys.bar(for: state.scope)
        KeyBarView.render(bar.items, keeping: bar.kept, into: &screen, y: y)
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
