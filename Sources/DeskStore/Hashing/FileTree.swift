import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The regular files under a folder, found without ever following a link.
///
/// Symbolic links, FIFOs, sockets and devices are listed as skipped rather than opened: a link
/// may point outside the evidence, and a FIFO or device would block or never end. Entries are
/// sorted by their bytes so the same folder always gives the same items in the same order.
public struct FileTree: Sendable {
    public struct Skipped: Sendable, Hashable {
        public var path: RawPath
        public var reason: String
        /// It could not be read (rather than left out for what it is: a link, a FIFO, a device).
        public var isUnreadable = false
    }

    public var files: [RawPath]
    public var skipped: [Skipped]
    /// The root named a regular file (possibly through a link the officer typed), not a folder.
    public var rootIsFile: Bool

    /// Walks `root` (a folder, or a single regular file which is then the only entry).
    public static func scan(_ root: RawPath) throws -> FileTree {
        var tree = FileTree(files: [], skipped: [], rootIsFile: false)
        var info = stat()
        let status = root.withCString { stat($0, &info) }
        guard status == 0 else {
            throw HashingError.cannotOpen(root, reason: String(cString: strerror(errno)))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            tree.files = [root]
            tree.rootIsFile = true
        case S_IFDIR:
            guard tree.walk(root) else {
                throw HashingError.cannotOpen(root, reason: String(cString: strerror(errno)))
            }
        default: throw HashingError.notARegularFile(root, kind: FileKind.name(info.st_mode))
        }
        return tree
    }

    /// Lists `folder`; false (with `errno` set) when it cannot be opened. A folder inside that
    /// cannot be opened is skipped as unreadable, so the rest is still hashed.
    private mutating func walk(_ folder: RawPath) -> Bool {
        guard let directory = folder.withCString({ opendir($0) }) else { return false }
        defer { closedir(directory) }
        var names: [[UInt8]] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            names.append(name)
        }
        for name in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let path = folder.appending(name)
            var info = stat()
            guard path.withCString({ lstat($0, &info) }) == 0 else {
                skipped.append(.init(path: path, reason: String(cString: strerror(errno)), isUnreadable: true))
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFREG: files.append(path)
            case S_IFDIR:
                if !walk(path) {
                    skipped.append(.init(path: path, reason: "a folder that cannot be read (\(String(cString: strerror(errno))))",
                                         isUnreadable: true))
                }
            default: skipped.append(.init(path: path, reason: FileKind.name(info.st_mode)))
            }
        }
        return true
    }
}
