import Foundation

/// The scratch files and folders that exist right now in this process, so that a command
/// stopped by a signal can remove them before it dies: a package's staged copy must never
/// outlive its import, nor a desk being built aside (``DeskStore/build(path:officer:clock:reference:keep:_:)``)
/// the command that builds it.
public enum ScratchPaths {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var live: Set<String> = []

    static func add(_ path: String) {
        lock.withLock { _ = live.insert(path) }
    }

    static func remove(_ path: String) {
        lock.withLock { _ = live.remove(path) }
        PrivateFiles.removeTree(path)
    }

    /// Removes every live scratch path; called on SIGINT, SIGTERM or SIGHUP. A folder still
    /// being filled by another thread is tried again until it is gone.
    public static func removeAll() {
        removeAll { _ in true }
    }

    /// Removes the live scratch paths that `belongs` accepts, as ``removeAll()`` does.
    static func removeAll(where belongs: (String) -> Bool) {
        let paths = lock.withLock { live.filter(belongs) }
        for path in paths {
            for _ in 0..<5 where FileManager.default.fileExists(atPath: path) {
                PrivateFiles.removeTree(path)
            }
        }
    }
}
