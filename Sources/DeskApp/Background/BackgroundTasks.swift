import DeskStore
import Foundation

/// Runs long work (hashing a disk image, the check of the case file at opening) on its own thread and
/// collects the messages it posts in an inbox that the run loop drains between key presses.
///
/// ``update(_:_:)`` stays pure and the loop single-threaded: a task never touches ``AppState``;
/// it only posts ``Msg`` values, which the loop feeds to `update` like any other answer. Each
/// task gets a ``Cancellation`` that ``cancel(_:)`` raises.
public final class BackgroundTasks: @unchecked Sendable {
    private let condition = NSCondition()
    private var inbox: [Msg] = []
    private var running: [BackgroundJob: Cancellation] = [:]

    public init() {}

    /// Whether any task is still running; the loop polls faster while one is.
    public var isBusy: Bool { condition.withLock { !running.isEmpty } }

    public func isRunning(_ job: BackgroundJob) -> Bool { condition.withLock { running[job] != nil } }

    /// Starts `work` on a new thread unless a task already runs in `job`'s slot (then the request
    /// is refused with false). `work` posts progress with `post` and returns its last answer, if
    /// any, which lands in the inbox as the slot frees: once the slot is free its answer is there
    /// to drain, and work that answer leads to can start in the same slot.
    @discardableResult
    public func start(_ job: BackgroundJob,
                      _ work: @escaping @Sendable (_ cancellation: Cancellation, _ post: @escaping @Sendable (Msg) -> Void) -> Msg?)
        -> Bool
    {
        let cancellation = Cancellation()
        let started = condition.withLock { () -> Bool in
            guard running[job] == nil else { return false }
            running[job] = cancellation
            return true
        }
        guard started else { return false }
        let thread = Thread { [self] in
            let last = work(cancellation) { [self] msg in condition.withLock { append(msg) } }
            condition.withLock {
                running[job] = nil
                if let last { append(last) }
                condition.broadcast()
            }
        }
        thread.name = "desk.\(job.rawValue)"
        thread.start()
        return true
    }

    /// Asks the task in `job`'s slot to stop. A task that stopped with nothing to report (a
    /// package check nobody waits for, work ended by a `CancellationError`) answers nothing;
    /// hashing answers that it was cancelled.
    public func cancel(_ job: BackgroundJob) {
        let cancellation = condition.withLock { running[job] }
        cancellation?.cancel()
    }

    public func cancelAll() {
        let all = condition.withLock { Array(running.values) }
        all.forEach { $0.cancel() }
    }

    /// Waits until no task runs in `job`'s slot, at most `timeout` seconds; returns whether the
    /// slot is free. Work that cannot stop halfway (copying a package) gets to finish its own
    /// cleanup this way before the desk ends.
    @discardableResult
    public func wait(for job: BackgroundJob, timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while running[job] != nil {
            guard condition.wait(until: deadline) else { return running[job] == nil }
        }
        return true
    }

    /// Takes every message posted so far, oldest first.
    public func drain() -> [Msg] {
        condition.withLock {
            let messages = inbox
            inbox.removeAll()
            return messages
        }
    }

    /// Adds a message to the inbox; the caller holds the lock.
    private func append(_ msg: Msg) {
        // A newer progress report makes an older, undrained one worthless.
        if case .hashProgress = msg, case .hashProgress = inbox.last {
            inbox[inbox.count - 1] = msg
        } else {
            inbox.append(msg)
        }
    }
}
