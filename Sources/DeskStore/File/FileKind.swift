import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a path is, in words that follow "is" in a message: every refusal of the wrong kind of
/// file (a package that is a file, evidence that is a pipe, an output name held by a link)
/// names it the same way.
enum FileKind {
    static func name(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFREG: "a file"
        case S_IFDIR: "a folder"
        case S_IFLNK: "a symbolic link"
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        default: "of an unknown kind"
        }
    }
}
