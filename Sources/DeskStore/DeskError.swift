import DeskCore
import Foundation

/// Everything that can go wrong with a desk file, each case worded for the officer: one plain
/// sentence that names the file or the record, never a stack trace or an SQLite code alone.
public enum DeskError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file exists but is not a desk (random bytes, empty, another program's database…).
    case notADesk(path: String, reason: String)
    /// The file is a desk but SQLite or the audit chain found damage.
    case damaged(path: String, detail: String)
    /// Another process held the desk locked for longer than the busy timeout.
    case busy(path: String)
    /// The desk was written by a newer program; this one will not touch it.
    case newerFormat(path: String, version: Int)
    /// The file's ownership or permissions make it unsafe to use.
    case unsafeFile(path: String, reason: String)
    case notFound(String)
    case invalid([ValidationProblem])
    /// Someone saved the record after it was read; the save was refused.
    case versionConflict(reference: String, changedBy: String, changedAt: Date)
    case transitionRefused(String)
    /// A checklist edit the rules do not allow (no reason for "not applicable", an obsolete item).
    case checklistRefused(String)
    /// A write failed (disk full, I/O error); the transaction was rolled back.
    case writeFailed(String)
    case readOnly(String)
    case importRejected(String)

    public var description: String {
        switch self {
        case let .notADesk(path, reason):
            "\(path) is not an MLA Desk file: \(reason). Nothing was written to it."
        case let .damaged(path, detail):
            "\(path) is damaged: \(detail)."
        case let .busy(path):
            "\(path) is busy: another program kept it locked too long. Nothing was saved; try again."
        case let .newerFormat(path, version):
            "\(path) was written by a newer MLA Desk (format \(version), this program knows up to \(DeskFormat.currentVersion)); it was not changed."
        case let .unsafeFile(path, reason):
            "\(path) is refused: \(reason)."
        case let .notFound(what):
            "\(what) was not found."
        case let .invalid(problems):
            "The request is not valid: " + problems.map(\.description).joined(separator: "; ") + "."
        case let .versionConflict(reference, changedBy, changedAt):
            "\(reference) was changed by \(changedBy) at \(LocalTime.format(changedAt)) after you opened it; your save was refused and nothing was overwritten."
        case let .transitionRefused(reason):
            reason
        case let .checklistRefused(reason):
            reason + "."
        case let .writeFailed(reason):
            "Nothing was saved: \(reason)."
        case let .readOnly(reason):
            "The desk is read-only: \(reason)."
        case let .importRejected(reason):
            "Import refused, nothing was changed: \(reason)."
        }
    }
}
