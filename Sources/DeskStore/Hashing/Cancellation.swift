import Foundation

/// A flag another thread raises to stop long work (hashing a 40 GB image) between two chunks.
///
/// Work that sees it stops with ``HashingError/cancelled`` before writing anything, so a cancel
/// never leaves a partial record.
public final class Cancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    public init() {}

    public func cancel() {
        lock.withLock { cancelled = true }
    }

    public var isCancelled: Bool {
        lock.withLock { cancelled }
    }
}
