import Foundation
import GRDB

/// The checks of the case file that are running. Each reads on a read-only connection of its
/// own, so closing the desk stops them at once (their cancellation raised, their SQLite
/// statement interrupted) instead of waiting minutes for a large desk's verify to end; and
/// closing waits for them to leave, because a check also reads and writes its checkpoint
/// through the desk's pool, which must not be used while it closes.
final class RunningChecks: @unchecked Sendable {
    private let condition = NSCondition()
    private var running: [Int: Cancellation] = [:]
    private var nextTicket = 0
    private var closed = false

    /// Runs `body` as a check: refused with `CancellationError` once the desk closes, and
    /// waited for by ``stopAll()``.
    func admit<T>(_ cancellation: Cancellation, _ body: () throws -> T) throws -> T {
        condition.lock()
        guard !closed else {
            condition.unlock()
            throw CancellationError()
        }
        let ticket = nextTicket
        nextTicket += 1
        running[ticket] = cancellation
        condition.unlock()
        defer {
            condition.lock()
            running[ticket] = nil
            condition.broadcast()
            condition.unlock()
        }
        return try body()
    }

    /// Runs `body` in one read transaction on a new connection to `path`. Throws
    /// `CancellationError` when `cancellation` is raised meanwhile.
    func read<T>(path: String, cancellation: Cancellation, _ body: (Database) throws -> T) throws -> T {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(DeskStore.busyTimeout)
        configuration.label = "desk.check"
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        cancellation.onCancel { queue.interrupt() }
        do {
            return try queue.read(body)
        } catch {
            if cancellation.isCancelled { throw CancellationError() }
            throw error
        }
    }

    /// Whether a check is running now.
    var isRunning: Bool {
        condition.lock()
        defer { condition.unlock() }
        return !running.isEmpty
    }

    /// Stops every running check, refuses new ones, and returns once none is left.
    func stopAll() {
        condition.lock()
        closed = true
        let checks = Array(running.values)
        condition.unlock()
        checks.forEach { $0.cancel() }
        condition.lock()
        while !running.isEmpty { condition.wait() }
        condition.unlock()
    }
}
