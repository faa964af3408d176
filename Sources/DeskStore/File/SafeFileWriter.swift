import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a file so that it either appears whole under its final name or not at all: a fresh
/// temporary name beside it (0600), written, synced, then renamed. An existing file is never
/// opened for writing, and only a regular file is ever replaced: a device, a pipe, a link or a
/// folder at the name is refused, since renaming over it would take its place. Officers' files
/// (drafts, exports) are written through ``DeskStore/writeOutputFile(_:to:replacing:)``, which
/// first refuses the desk's own files.
enum SafeFileWriter {
    /// - Parameter replacing: when false, an existing file at `path` is left alone and the write refused.
    static func write(_ data: Data, to path: String, replacing: Bool = true) throws {
        try refuseIfNotRegular(path)
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        let temporary = (folder as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent).\(UUID().uuidString.prefix(8)).tmp")
        let fd = open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw DeskError.writeFailed("\(path) could not be written (\(String(cString: strerror(errno))))") }
        var ok = true
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { ok = false; return }
                offset += written
            }
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard ok, synced else {
            unlink(temporary)
            throw DeskError.writeFailed("\(path) could not be written completely (\(String(cString: strerror(errno))))")
        }
        if !replacing && FileManager.default.fileExists(atPath: path) {
            unlink(temporary)
            throw DeskError.writeFailed("\(path) already exists and was left as it was")
        }
        do {
            try refuseIfNotRegular(path)
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw DeskError.writeFailed("\(path) could not be written (\(String(cString: strerror(errno))))")
        }
        let dir = open(folder, O_RDONLY | O_DIRECTORY)
        if dir >= 0 { fsync(dir); close(dir) }
    }

    /// Refuses a name held by anything but a regular file (checked without following a link).
    private static func refuseIfNotRegular(_ path: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT != S_IFREG else { return }
        throw DeskError.writeFailed(
            "\(path) is \(FileKind.name(info.st_mode)), not a file that may be replaced; it was left as it was. Give another name")
    }
}
