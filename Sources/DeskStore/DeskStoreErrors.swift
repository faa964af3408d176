import DeskCore
import Foundation
import GRDB

/// Turns SQLite's result codes into sentences an officer can act on.
enum DeskStoreErrors {
    static func translate(_ error: Error, path: String) -> DeskError {
        if let desk = error as? DeskError { return desk }
        if let transition = error as? TransitionError { return .transitionRefused(transition.message) }
        guard let database = error as? DatabaseError else {
            return .writeFailed(String(describing: error))
        }
        switch database.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .busy(path: path)
        case .SQLITE_FULL:
            return .writeFailed("the disk holding \(path) is full")
        case .SQLITE_IOERR where isFull(folderOf: path):
            return .writeFailed("the disk holding \(path) is full")
        case .SQLITE_IOERR:
            return .writeFailed("the disk reported an error writing \(path) (\(database.message ?? "I/O error"))")
        case .SQLITE_NOTADB:
            return .notADesk(path: path, reason: "it is not an SQLite database")
        case .SQLITE_CORRUPT:
            return .damaged(path: path, detail: database.message ?? "SQLite found the file corrupt")
        case .SQLITE_READONLY:
            return .readOnly(readOnlyReason(path: path, fileWritable: access(path, W_OK) == 0,
                                            folderWritable: access(DeskCopy.folderOf(path), W_OK) == 0,
                                            detail: database.message ?? "read-only"))
        case .SQLITE_CANTOPEN where isClosedToWriting(DeskCopy.folderOf(path)):
            // A desk in WAL mode is opened with its shared memory beside it, even to be read.
            return .readOnly(readOnlyReason(path: path, fileWritable: access(path, W_OK) == 0, folderWritable: false,
                                            detail: database.message ?? "read-only"))
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            return .writeFailed("\(path) cannot be opened (\(database.message ?? "permission denied"))")
        case .SQLITE_CONSTRAINT:
            return .writeFailed("the change breaks a rule of the case file (\(database.message ?? "constraint"))")
        default:
            return .writeFailed("\(database.message ?? "database error") in \(path)")
        }
    }

    /// Which of the two a desk needs to write is closed to it: the file, or the folder where
    /// SQLite keeps the desk's log and shared memory (`-wal`, `-shm`) even to read. A desk on
    /// write-protected media is read after copying it to a writable folder.
    static func readOnlyReason(path: String, fileWritable: Bool, folderWritable: Bool, detail: String) -> String {
        let copy = "; copy it to a folder you can write to, to open it"
        if !fileWritable { return "\(path) cannot be written (\(detail))\(copy)" }
        if !folderWritable {
            return "the folder \(DeskCopy.folderOf(path)) cannot be written, and the desk keeps its log (-wal) beside it even to be read\(copy)"
        }
        return "\(path) cannot be written (\(detail))"
    }

    /// Whether `folder` exists but may not be written: write-protected media (`EROFS`) or its mode.
    private static func isClosedToWriting(_ folder: String) -> Bool {
        access(folder, W_OK) != 0 && (errno == EROFS || errno == EACCES)
    }

    /// SQLite reports a write that found no room as an I/O error when it was the log or the
    /// shared memory file that could not grow; the folder's free space says which it was.
    private static func isFull(folderOf path: String) -> Bool {
        var info = statvfs()
        guard statvfs(DeskCopy.folderOf(path), &info) == 0 else { return false }
        return UInt64(info.f_bavail) * UInt64(info.f_frsize) < 64 << 10
    }
}
