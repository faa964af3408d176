import Crypto
import DeskCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// File operations for keys, packages, staging and the evidence store, all at the system-call
/// level so that modes never depend on the umask (files 0600, folders 0700), links are never
/// followed, and nothing counts as written before it was synced.
enum PrivateFiles {
    /// A size and SHA-256 measured while reading or copying a file.
    struct Measure: Equatable {
        var size: Int64
        var sha256: String
    }

    static func reason() -> String {
        String(cString: strerror(errno))
    }

    /// Creates a new folder 0700; fails when anything already has the name.
    static func makeDirectory(_ path: String) throws {
        guard mkdir(path, 0o700) == 0 else {
            throw DeskError.writeFailed("the folder \(path) could not be created (\(reason()))")
        }
        chmod(path, 0o700)
    }

    /// Creates a new file 0600 holding `data`, synced; fails when anything already has the name.
    static func writeNew(_ data: Data, to path: String) throws {
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw DeskError.writeFailed("\(path) could not be created (\(reason()))") }
        defer { close(fd) }
        fchmod(fd, 0o600)
        try writeAll(data, to: fd, path: path)
        guard fsync(fd) == 0 else { throw DeskError.writeFailed("\(path) could not be synced (\(reason()))") }
    }

    static func writeAll(_ data: Data, to fd: Int32, path: String) throws {
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { throw DeskError.writeFailed("\(path) could not be written completely (\(reason()))") }
                offset += written
            }
        }
    }

    /// Makes a folder's entries (new names, renames) durable.
    static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }

    /// Opens an existing regular file for reading without following a link or blocking on a FIFO,
    /// and checks what was opened (not what the name pointed to a moment earlier).
    static func openRegular(_ path: String) throws(FileProblem) -> (fd: Int32, size: Int64) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else {
            throw errno == ELOOP ? .notRegular("a symbolic link") : .unreadable(reason())
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            close(fd)
            throw .unreadable(reason())
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw .notRegular(FileKind.name(info.st_mode))
        }
        return (fd, Int64(info.st_size))
    }

    /// Reads a whole regular file of at most `maxBytes`.
    static func readRegular(_ path: String, maxBytes: Int64) throws(FileProblem) -> Data {
        let (fd, size) = try openRegular(path)
        defer { close(fd) }
        guard size <= maxBytes else { throw .tooLarge(maxBytes) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw .unreadable(reason()) }
            if count == 0 { break }
            data.append(contentsOf: buffer[0..<count])
            guard Int64(data.count) <= maxBytes else { throw .tooLarge(maxBytes) }
        }
        return data
    }

    /// Copies a regular file into a new private file, hashing as it goes; refuses to copy more
    /// than `maxBytes` even if the source grows while it is read.
    static func copy(from source: String, to destination: String, maxBytes: Int64) throws(FileProblem) -> Measure {
        let (input, size) = try openRegular(source)
        defer { close(input) }
        guard size <= maxBytes else { throw .tooLarge(maxBytes) }
        let output = open(destination, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard output >= 0 else { throw .unwritable(destination, reason()) }
        defer { close(output) }
        fchmod(output, 0o600)
        var hasher = SHA256()
        var total: Int64 = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = read(input, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw .unreadable(reason()) }
            if count == 0 { break }
            total += Int64(count)
            guard total <= maxBytes else { throw .tooLarge(maxBytes) }
            let chunk = Data(buffer[0..<count])
            hasher.update(data: chunk)
            do {
                try writeAll(chunk, to: output, path: destination)
            } catch {
                throw .unwritable(destination, reason())
            }
        }
        guard fsync(output) == 0 else { throw .unwritable(destination, reason()) }
        return Measure(size: total, sha256: Hex.encode(hasher.finalize()))
    }

    /// Size and SHA-256 of a regular file, read in chunks.
    static func measure(_ path: String) throws(FileProblem) -> Measure {
        let (fd, _) = try openRegular(path)
        defer { close(fd) }
        var hasher = SHA256()
        var total: Int64 = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw .unreadable(reason()) }
            if count == 0 { break }
            total += Int64(count)
            hasher.update(data: Data(buffer[0..<count]))
        }
        return Measure(size: total, sha256: Hex.encode(hasher.finalize()))
    }

    /// Renames a folder or file, refusing to replace anything already under the new name.
    static func renameNoReplace(_ from: String, to: String) throws {
        let renamed: Bool
        if let renameat2 = renameat2 {
            renamed = renameat2(AT_FDCWD, from, AT_FDCWD, to, renameNoReplaceFlag) == 0
        } else {
            var info = stat()
            guard lstat(to, &info) != 0 else {
                throw DeskError.writeFailed("\(from) could not be renamed to \(to): the name is taken")
            }
            renamed = rename(from, to) == 0
        }
        guard renamed else {
            throw DeskError.writeFailed("\(from) could not be renamed to \(to) (\(reason()))")
        }
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    /// `RENAME_NOREPLACE` from `<stdio.h>`, which Swift does not import (it needs `_GNU_SOURCE`).
    private static let renameNoReplaceFlag: UInt32 = 1

    /// glibc's `renameat2`, looked up at run time for the same reason; `nil` on a C library
    /// without it, where a check just before `rename` stands in.
    private static let renameat2: RenameAt2? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    /// Removes a folder and everything in it, never following links out of it.
    static func removeTree(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Why a file could not be used, worded to follow its name.
    enum FileProblem: Error {
        case notRegular(String)
        case tooLarge(Int64)
        case unreadable(String)
        case unwritable(String, String)

        var text: String {
            switch self {
            case let .notRegular(kind): "is \(kind), not a regular file"
            case let .tooLarge(limit): "is larger than the limit of \(limit) bytes"
            case let .unreadable(reason): "cannot be read (\(reason))"
            case let .unwritable(path, reason): "could not be copied to \(path) (\(reason))"
            }
        }
    }
}
