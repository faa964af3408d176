import Foundation

/// A flag another thread raises to stop long work (hashing a 40 GB image, verifying a large
/// desk) between two steps.
///
/// Work that sees it stops with ``HashingError/cancelled`` (hashing) or `CancellationError`
/// (checks) before writing anything, so a cancel never leaves a partial record. Work stuck in
/// one long SQLite statement registers an action with ``onCancel(_:)`` that interrupts it.
public final class Cancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    private var actions: [@Sendable () -> Void] = []

    public init() {}

    public func cancel() {
        let pending = lock.withLock { () -> [@Sendable () -> Void] in
            cancelled = true
            defer { actions.removeAll() }
            return actions
        }
        pending.forEach { $0() }
    }

    public var isCancelled: Bool {
        lock.withLock { cancelled }
    }

    /// Runs `action` when the flag is raised, or at once when it already is.
    func onCancel(_ action: @escaping @Sendable () -> Void) {
        let now = lock.withLock { () -> Bool in
            if !cancelled { actions.append(action) }
            return cancelled
        }
        if now { action() }
    }

    /// Stops the caller with `CancellationError` once the flag is raised.
    func throwIfCancelled() throws {
        if isCancelled { throw CancellationError() }
    }
}
