import DeskStore
import Foundation

/// Runs long work (hashing a disk image, verifying the whole case file) on its own thread and
/// collects the messages it posts in an inbox that the run loop drains between key presses.
///
/// ``update(_:_:)`` stays pure and the loop single-threaded: a task never touches ``AppState``;
/// it only posts ``Msg`` values, which the loop feeds to `update` like any other answer. Each
/// task gets a ``Cancellation`` that ``cancel(_:)`` raises.
public final class BackgroundTasks: @unchecked Sendable {
    private let lock = NSLock()
    private var inbox: [Msg] = []
    private var running: [BackgroundJob: Cancellation] = [:]

    public init() {}

    /// Whether any task is still running; the loop polls faster while one is.
    public var isBusy: Bool { lock.withLock { !running.isEmpty } }

    public func isRunning(_ job: BackgroundJob) -> Bool { lock.withLock { running[job] != nil } }

    /// Starts `work` on a new thread unless a task already runs in `job`'s slot (then the request
    /// is refused with false). `work` posts messages with `post`; the slot frees when it returns.
    @discardableResult
    public func start(_ job: BackgroundJob,
                      _ work: @escaping @Sendable (_ cancellation: Cancellation, _ post: @escaping @Sendable (Msg) -> Void) -> Void)
        -> Bool
    {
        let cancellation = Cancellation()
        let started = lock.withLock { () -> Bool in
            guard running[job] == nil else { return false }
            running[job] = cancellation
            return true
        }
        guard started else { return false }
        let thread = Thread { [self] in
            work(cancellation) { [self] msg in post(msg) }
            lock.withLock { running[job] = nil }
        }
        thread.name = "desk.\(job.rawValue)"
        thread.start()
        return true
    }

    /// Asks the task in `job`'s slot to stop; it answers with its own message when it has.
    public func cancel(_ job: BackgroundJob) {
        let cancellation = lock.withLock { running[job] }
        cancellation?.cancel()
    }

    public func cancelAll() {
        let all = lock.withLock { Array(running.values) }
        all.forEach { $0.cancel() }
    }

    /// Takes every message posted so far, oldest first.
    public func drain() -> [Msg] {
        lock.withLock {
            let messages = inbox
            inbox.removeAll()
            return messages
        }
    }

    private func post(_ msg: Msg) {
        lock.withLock {
            // A newer progress report makes an older, undrained one worthless.
            if case .hashProgress = msg, case .hashProgress = inbox.last {
                inbox[inbox.count - 1] = msg
            } else {
                inbox.append(msg)
            }
        }
    }
}
