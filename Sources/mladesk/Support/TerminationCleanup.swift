import DeskStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Makes SIGINT, SIGTERM and SIGHUP remove the command's scratch paths (a package's staging
/// folder, a desk being built aside, a backup or restore being copied) before the command dies.
///
/// The signals are blocked in the calling thread before any other thread exists (threads
/// inherit the mask), and one thread waits for them with `sigwait`: the cleanup then runs as
/// ordinary code, not in a signal handler. Afterwards the signal is raised again with its
/// default action, so the exit status still says which signal ended the command. An open write
/// transaction is never committed: SQLite rolls it back when the process ends.
enum TerminationCleanup {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    private static let lock = NSLock()
    nonisolated(unsafe) private static var ending = false

    /// Called before a command reports a failure: when a signal is ending the command, the
    /// failure is only its scratch file removed under it, so nothing is said and the thread
    /// waits for the signal, which ends the command with a status that says it was stopped.
    static func waitIfEnding() {
        guard lock.withLock({ ending }) else { return }
        while true { pause() }
    }

    static func install() {
        var blocked = signalSet()
        pthread_sigmask(SIG_BLOCK, &blocked, nil)
        let waiter = Thread {
            var set = signalSet()
            var received: Int32 = 0
            guard sigwait(&set, &received) == 0 else { return }
            lock.withLock { ending = true }
            // The command's own thread runs on until the signal is raised and may open what
            // was just removed again (SQLite makes a log's index beside a copy it checks), so
            // the paths are removed a few times over some 50 ms first.
            for _ in 0..<10 {
                ScratchPaths.removeAll()
                usleep(5_000)
            }
            ScratchPaths.removeAll()
            signal(received, SIG_DFL)
            pthread_sigmask(SIG_UNBLOCK, &set, nil)
            raise(received)
            _exit(128 + received)
        }
        waiter.start()
    }

    private static func signalSet() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in signals { sigaddset(&set, signal) }
        return set
    }
}
