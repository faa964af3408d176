import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whether another program has a desk open, read from SQLite's own lock rather than a lock
/// file of the desk's own: while a connection to a desk in WAL mode is open, it holds a shared
/// lock on one byte of the desk's `-shm` file (SQLite's "DMS" byte), whatever it is doing.
///
/// `restore` asks before it replaces a desk: a desk open elsewhere would go on writing to the
/// file set aside, and its officer's next saves would be lost from the restored desk.
enum DeskInUse {
    /// The byte SQLite's unix VFS locks for every open connection: after the eight lock slots
    /// that start at byte 120 of the `-shm` file.
    static let dmsByte: off_t = 128

    /// The process id of another program that has the desk at `path` open; nil when none has
    /// (or the desk has no `-shm` file, which no open connection lacks). Call it before this
    /// process opens the desk: closing a descriptor of the file releases this process's own
    /// locks on it, as POSIX locks go.
    static func otherProcess(holding path: String) -> pid_t? {
        let descriptor = open(path + "-shm", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var probe = flock()
        probe.l_type = Int16(F_WRLCK)
        probe.l_whence = Int16(SEEK_SET)
        probe.l_start = dmsByte
        probe.l_len = 1
        guard fcntl(descriptor, F_GETLK, &probe) == 0, probe.l_type != Int16(F_UNLCK) else { return nil }
        return probe.l_pid
    }
}
