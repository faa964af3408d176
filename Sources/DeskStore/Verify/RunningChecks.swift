import Foundation
import GRDB

/// The checks of the case file that are running, each on its own read-only connection, so
/// closing the desk stops them at once (their cancellation raised, their SQLite statement
/// interrupted) instead of waiting minutes for a large desk's verify to end.
final class RunningChecks: @unchecked Sendable {
    private let lock = NSLock()
    private var running: [ObjectIdentifier: Cancellation] = [:]
    private var closed = false

    /// Runs `body` in one read transaction on a new connection to `path`. Throws
    /// `CancellationError` when `cancellation` is raised or the desk closes meanwhile.
    func run<T>(path: String, cancellation: Cancellation, _ body: (Database) throws -> T) throws -> T {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(DeskStore.busyTimeout)
        configuration.label = "desk.check"
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        let key = ObjectIdentifier(cancellation)
        let admitted = lock.withLock { () -> Bool in
            if !closed { running[key] = cancellation }
            return !closed
        }
        guard admitted else { throw CancellationError() }
        defer { lock.withLock { running[key] = nil } }
        cancellation.onCancel { queue.interrupt() }
        do {
            return try queue.read(body)
        } catch {
            if cancellation.isCancelled { throw CancellationError() }
            throw error
        }
    }

    /// Whether a check is running now.
    var isRunning: Bool { lock.withLock { !running.isEmpty } }

    /// Stops every running check and refuses new ones.
    func stopAll() {
        let checks = lock.withLock { () -> [Cancellation] in
            closed = true
            return Array(running.values)
        }
        checks.forEach { $0.cancel() }
    }
}
