import DeskStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Makes SIGINT, SIGTERM and SIGHUP remove the command's scratch paths (a package's staging
/// folder, a desk being built aside) before the command dies.
///
/// The signals are blocked in the calling thread before any other thread exists (threads
/// inherit the mask), and one thread waits for them with `sigwait`: the cleanup then runs as
/// ordinary code, not in a signal handler. Afterwards the signal is raised again with its
/// default action, so the exit status still says which signal ended the command. An open write
/// transaction is never committed: SQLite rolls it back when the process ends.
enum TerminationCleanup {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    static func install() {
        var blocked = signalSet()
        pthread_sigmask(SIG_BLOCK, &blocked, nil)
        let waiter = Thread {
            var set = signalSet()
            var received: Int32 = 0
            guard sigwait(&set, &received) == 0 else { return }
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
