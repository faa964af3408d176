import Foundation

/// The staging folders that exist right now in this process, so that a command stopped by a
/// signal can remove them before it dies: a package's staged copy must never outlive the import.
public enum StagingFolders {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var live: Set<String> = []

    static func add(_ folder: String) {
        lock.withLock { _ = live.insert(folder) }
    }

    static func remove(_ folder: String) {
        lock.withLock { _ = live.remove(folder) }
        PrivateFiles.removeTree(folder)
    }

    /// Removes every live staging folder; called on SIGINT, SIGTERM or SIGHUP. A folder still
    /// being filled by another thread is tried again until it is gone.
    public static func removeAll() {
        removeAll { _ in true }
    }

    /// Removes the live staging folders whose path `belongs` accepts, as ``removeAll()`` does.
    static func removeAll(where belongs: (String) -> Bool) {
        let folders = lock.withLock { live.filter(belongs) }
        for folder in folders {
            for _ in 0..<5 where FileManager.default.fileExists(atPath: folder) {
                PrivateFiles.removeTree(folder)
            }
        }
    }
}
