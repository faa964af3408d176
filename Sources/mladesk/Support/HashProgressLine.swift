import DeskStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The hashing progress line on standard error: bytes done, rate and time left, redrawn in
/// place, shown only when standard error is a terminal so pipes and logs stay clean.
final class HashProgressLine {
    private let enabled = isatty(STDERR_FILENO) == 1
    private var drawn = false

    func update(_ progress: HashProgress) {
        guard enabled else { return }
        drawn = true
        let left = progress.secondsLeft.map { "\(Int($0.rounded())) s left" } ?? "—"
        let file = progress.fileCount > 1 ? " file \(progress.fileIndex + 1)/\(progress.fileCount)" : ""
        let line = "\rhashing\(file): \(ByteCount.format(progress.bytesDone)) of \(ByteCount.format(progress.totalBytes))"
            + " (\(Int(progress.fraction * 100))%), \(ByteCount.format(Int64(progress.bytesPerSecond)))/s, \(left)"
        FileHandle.standardError.write(Data((line + "\u{1B}[K").utf8))
    }

    func finish() {
        if enabled && drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
