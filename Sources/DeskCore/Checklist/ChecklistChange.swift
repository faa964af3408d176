import Foundation

/// What an officer does to one checklist item. The desk's keys and `mladesk check` both map to
/// these, and ``apply(to:officer:at:)`` is the only place their rules live.
public enum ChecklistChange: Sendable, Hashable {
    case done
    /// Does not apply to this request; the reason is required and kept.
    case notApplicable(reason: String)
    /// Back to open (undo a tick or a "not applicable").
    case reopen
    case note(String)

    /// Applies the change, recording who and when. Refused for obsolete items and for
    /// "not applicable" without a reason.
    public func apply(to item: ChecklistItem, officer: String, at now: Date) throws(ChecklistEditError) -> ChecklistItem {
        guard !item.isObsolete else {
            throw ChecklistEditError(message: "'\(item.label)' no longer applies to this request and cannot be changed")
        }
        var next = item
        switch self {
        case .done:
            next.state = .done
            next.reason = ""
        case let .notApplicable(reason):
            let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else {
                throw ChecklistEditError(message: "Marking '\(item.label)' not applicable needs a reason")
            }
            next.state = .notApplicable
            next.reason = trimmed
        case .reopen:
            next.state = .open
            next.reason = ""
        case let .note(text):
            next.note = text
        }
        next.changedBy = officer
        next.changedAt = now
        return next
    }

    /// The audit trail's words for the change.
    /// The change in words for the audit trail, with the reason or note it sets: the item keeps
    /// only the latest, so the trail is where an earlier one is still read.
    public var summary: String {
        switch self {
        case .done: "done"
        case .notApplicable(let reason): "not applicable: \(reason)"
        case .reopen: "reopened"
        case .note(let text): text.isEmpty ? "note removed" : "note: \(text)"
        }
    }
}

/// A checklist change refused, in one sentence.
public struct ChecklistEditError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
