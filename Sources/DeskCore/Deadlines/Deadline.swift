import Foundation

/// A point in time by which something must happen on a request.
public struct Deadline: Codable, Sendable, Hashable {
    public enum Source: String, Codable, Sendable {
        /// Set by law or instrument (Art. 29 preservation, EIO recognition, EPOC production).
        case legal
        /// A follow-up ("chase") date where no legal deadline runs.
        case chase
        /// The officer's own due date; it wins over computed ones.
        case manual
    }

    public var source: Source
    /// Id of the rule in the reference data that produced it; empty for manual dates.
    public var ruleID: String
    public var label: String
    public var due: Date
    /// The latest the deadline can become if its one extension is granted.
    public var extendedDue: Date?
    /// From when the desk warns about it.
    public var warnFrom: Date?
    /// What to do about it.
    public var prompt: String
    /// Preserved data may be lost when it passes.
    public var isPreservationExpiry: Bool

    public init(source: Source, ruleID: String = "", label: String, due: Date, extendedDue: Date? = nil,
                warnFrom: Date? = nil, prompt: String = "", isPreservationExpiry: Bool = false) {
        self.source = source
        self.ruleID = ruleID
        self.label = label
        self.due = due
        self.extendedDue = extendedDue
        self.warnFrom = warnFrom
        self.prompt = prompt
        self.isPreservationExpiry = isPreservationExpiry
    }

    public func isOverdue(at now: Date) -> Bool { due < now }

    /// Inside its warning period (or overdue).
    public func isWarning(at now: Date) -> Bool { (warnFrom ?? due) <= now }
}
