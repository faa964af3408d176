import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A one-line progress report on standard error, redrawn in place, shown only on a terminal so
/// logs and pipes stay clean.
final class ProgressLine {
    private let label: String
    private let total: Int
    private let enabled = isatty(STDERR_FILENO) == 1
    private let started = Date()
    private var lastDraw = Date.distantPast

    init(label: String, total: Int) {
        self.label = label
        self.total = max(1, total)
    }

    func update(_ done: Int) {
        guard enabled, Date().timeIntervalSince(lastDraw) > 0.1 || done >= total else { return }
        lastDraw = Date()
        let percent = done * 100 / total
        let elapsed = Date().timeIntervalSince(started)
        let left = done > 0 ? elapsed * Double(total - done) / Double(done) : 0
        FileHandle.standardError.write(Data("\r\(label): \(done) / \(total) (\(percent)%), \(Int(left.rounded())) s left   ".utf8))
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
