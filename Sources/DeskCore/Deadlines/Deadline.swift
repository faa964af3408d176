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

    public init(source: Source, ruleID: String = "", label: String, due: Date) {
        self.source = source
        self.ruleID = ruleID
        self.label = label
        self.due = due
    }
}
