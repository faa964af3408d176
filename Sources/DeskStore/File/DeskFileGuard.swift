import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Decides whether a path may be opened as a desk, looking only at bytes on disk, before
/// SQLite touches it: a file that is not ours is refused without a byte being written.
enum DeskFileGuard {
    enum Outcome: Equatable {
        /// No file was there; an empty, private one was created (0600, folders 0700).
        case created
        /// A desk file of ours, with the format version its header records.
        case existing(headerVersion: Int)
    }

    static func prepare(path: String, createIfMissing: Bool) throws(DeskError) -> Outcome {
        var info = stat()
        if stat(path, &info) != 0 {
            guard errno == ENOENT else {
                throw .notADesk(path: path, reason: "it cannot be read (\(String(cString: strerror(errno))))")
            }
            guard createIfMissing else { throw .notFound("The desk file \(path)") }
            try refuseLeftovers(beside: path)
            try createPrivateFile(path)
            return .created
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw .notADesk(path: path, reason: "it is a directory")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw .notADesk(path: path, reason: "it is not a regular file")
        }
        if info.st_uid != geteuid() {
            throw .unsafeFile(path: path, reason: "it belongs to another user (uid \(info.st_uid)); copy it with `mladesk backup` instead")
        }
        if info.st_mode & S_IWOTH != 0 {
            throw .unsafeFile(path: path, reason: "anyone on this machine may write to it; run `chmod 600` on it first")
        }
        return .existing(headerVersion: try inspectHeader(path: path, size: Int(info.st_size)))
    }

    /// Refuses to make a desk where an earlier desk of that name left its log or journal: SQLite
    /// would take the leftover for the new desk's and replay or remove it, and it may hold that
    /// desk's last saves (a restore or a move cut short, a desk file deleted by hand).
    static func refuseLeftovers(beside path: String) throws(DeskError) {
        for suffix in ["-wal", "-shm", "-journal"] {
            var info = stat()
            if lstat(path + suffix, &info) == 0 {
                throw .writeFailed("\(path + suffix) is left beside \(path) from an earlier desk of that name and may hold its last changes; move it away first")
            }
        }
    }

    /// Reads the 100-byte SQLite header: magic string, application id (offset 68) and user
    /// version (offset 60), both big-endian.
    static func inspectHeader(path: String, size: Int) throws(DeskError) -> Int {
        if size == 0 { throw .notADesk(path: path, reason: "the file is empty") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .notADesk(path: path, reason: "it cannot be read")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        let magic = Data("SQLite format 3\u{0}".utf8)
        guard header.count == 100, header.prefix(16) == magic else {
            throw .notADesk(path: path, reason: "it is not an SQLite database")
        }
        func bigEndian(at offset: Int) -> Int32 {
            header[offset..<offset + 4].reduce(0) { ($0 << 8) | Int32($1) }
        }
        guard bigEndian(at: 68) == DeskFormat.applicationID else {
            throw .notADesk(path: path, reason: "it is an SQLite database of another program")
        }
        let version = Int(bigEndian(at: 60))
        if version > DeskFormat.currentVersion {
            throw .newerFormat(path: path, version: version)
        }
        return version
    }

    /// Creates missing parent folders 0700 and the file 0600, whatever the umask.
    private static func createPrivateFile(_ path: String) throws(DeskError) {
        try createPrivateDirectories((path as NSString).deletingLastPathComponent)
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw .writeFailed("the desk file \(path) could not be created (\(String(cString: strerror(errno))))")
        }
        fchmod(fd, 0o600)
        fsync(fd)
        close(fd)
    }

    /// Creates `path` and its missing parents 0700, and returns the folders it made, outermost
    /// first. A relative path ends at the working folder.
    @discardableResult
    static func createPrivateDirectories(_ path: String) throws(DeskError) -> [String] {
        guard !path.isEmpty else { return [] }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .writeFailed("\(path) exists and is not a folder") }
            return []
        }
        let made = try createPrivateDirectories((path as NSString).deletingLastPathComponent)
        if mkdir(path, 0o700) != 0 {
            guard errno == EEXIST else {
                throw .writeFailed("the folder \(path) could not be created (\(String(cString: strerror(errno))))")
            }
            return made
        }
        chmod(path, 0o700)
        return made + [path]
    }
}
