import DeskStore
import Foundation
import TermUI

/// The hashing progress dialog: bytes done of the total as a bar, the rate, the time left and
/// which file of how many; Esc cancels, and nothing is recorded.
enum HashingDialog {
    static func handle(_ action: DeskAction, state: inout AppState) -> [Effect] {
        guard case .hashing(var dialog) = state.dialog, action == .hashingCancel, !dialog.isCancelling else { return [] }
        dialog.isCancelling = true
        state.dialog = .hashing(dialog)
        return [.cancel(.hashing)]
    }

    static func progress(_ progress: HashProgress, state: inout AppState) {
        guard case .hashing(var dialog) = state.dialog else { return }
        dialog.progress = progress
        state.dialog = .hashing(dialog)
    }

    /// The lines under the bar, e.g. `1.5 GiB of 4.0 GiB · 1.1 GiB/s · 2 s left`.
    static func figures(_ progress: HashProgress) -> String {
        var parts = ["\(ByteCount.format(progress.bytesDone)) of \(ByteCount.format(progress.totalBytes))"]
        if progress.bytesPerSecond > 0 { parts.append("\(ByteCount.format(Int64(progress.bytesPerSecond)))/s") }
        if let left = progress.secondsLeft { parts.append("\(duration(left)) left") }
        return parts.joined(separator: " · ")
    }

    /// `45 s`, `3 min 05 s`, `2 h 07 min`.
    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.up))
        if total < 60 { return "\(total) s" }
        if total < 3600 { return String(format: "%d min %02d s", total / 60, total % 60) }
        return String(format: "%d h %02d min", total / 3600, (total % 3600) / 60)
    }

    static func render(_ dialog: HashingDialogState, state: AppState, into screen: inout Screen) {
        let area = state.layout.content
        let width = min(area.width, 72)
        let inner = DialogView.frame(title: "Hashing", width: width, height: min(area.height, 8), in: area, into: &screen)
        guard !inner.isEmpty else { return }
        let x = inner.x + 1
        let room = max(0, inner.width - 2)
        var lines: [(String, StyleRole)] = []
        if let progress = dialog.progress {
            let name = progress.currentFile.display
            let file = progress.fileCount > 1 ? "File \(progress.fileIndex + 1) of \(progress.fileCount): \(name)" : name
            lines.append((file, .value))
        } else {
            lines.append((dialog.path, .value))
        }
        for (row, line) in lines.enumerated() {
            screen.put(line.0, x: x, y: inner.y + row, role: line.1, maxWidth: room)
        }
        ProgressBarView.render(fraction: dialog.progress?.fraction ?? 0, label: "",
                               into: &screen, rect: Rect(x: x, y: inner.y + 1, width: room, height: 1))
        let figures = dialog.progress.map(figures) ?? "Reading the folder…"
        screen.put(figures, x: x, y: inner.y + 2, role: .normal, maxWidth: room)
        let keys = state.context.keys
        let footer = dialog.isCancelling
            ? "Cancelling…"
            : "\(keys.keyText(.hashingCancel, in: .hashing))  cancel (nothing is recorded)"
        screen.put(footer, x: x, y: inner.y + min(inner.height - 1, 4), role: dialog.isCancelling ? .warning : .dim,
                   maxWidth: room)
    }
}
