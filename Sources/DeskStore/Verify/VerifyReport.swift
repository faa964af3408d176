/// What `verify` found: SQLite's own check, the audit chain, and whether every record still
/// matches the state its last audit row recorded.
public struct VerifyReport: Sendable, Equatable {
    /// Lines from `PRAGMA integrity_check` other than "ok".
    public var integrityProblems: [String]
    /// The first sequence number where the chain breaks, with what is wrong there.
    public var chainBreak: (sequence: Int64, problem: String)?
    /// Records that differ from their audited state, or audited records that are gone.
    public var recordProblems: [String]
    /// Audit rows read: the whole chain for a full verify, the rows since the checkpoint (and
    /// the one before it) for the check at opening.
    public var auditRows: Int
    /// Requests read.
    public var requests: Int
    /// Evidence items whose declared and computed hashes differ, or whose last re-hash failed.
    public var evidenceMismatches: [String] = []
    /// Evidence items never verified: for information, not a fault of the file.
    public var neverVerified: [String] = []
    /// For the check at opening, the checkpoint it started from (which says when the last full
    /// verify was); nil for a full verify. That check lists no never-verified items.
    public var checkedSince: VerifyCheckpoint?

    public init(integrityProblems: [String] = [], chainBreak: (sequence: Int64, problem: String)? = nil,
                recordProblems: [String] = [], auditRows: Int = 0, requests: Int = 0, evidenceMismatches: [String] = [],
                neverVerified: [String] = [], checkedSince: VerifyCheckpoint? = nil) {
        self.integrityProblems = integrityProblems
        self.chainBreak = chainBreak
        self.recordProblems = recordProblems
        self.auditRows = auditRows
        self.requests = requests
        self.evidenceMismatches = evidenceMismatches
        self.neverVerified = neverVerified
        self.checkedSince = checkedSince
    }

    /// The file, the audit chain and every record are as the program wrote them; evidence
    /// findings aside.
    public var isRecordSound: Bool { integrityProblems.isEmpty && chainBreak == nil && recordProblems.isEmpty }

    public var isSound: Bool {
        integrityProblems.isEmpty && chainBreak == nil && recordProblems.isEmpty && evidenceMismatches.isEmpty
    }

    public static func == (lhs: VerifyReport, rhs: VerifyReport) -> Bool {
        lhs.integrityProblems == rhs.integrityProblems && lhs.chainBreak?.sequence == rhs.chainBreak?.sequence
            && lhs.chainBreak?.problem == rhs.chainBreak?.problem && lhs.recordProblems == rhs.recordProblems
            && lhs.auditRows == rhs.auditRows && lhs.requests == rhs.requests
            && lhs.evidenceMismatches == rhs.evidenceMismatches && lhs.neverVerified == rhs.neverVerified
            && lhs.checkedSince == rhs.checkedSince
    }

    /// Every finding as one line, the first broken link first.
    public var findings: [String] {
        var lines = integrityProblems.map { "SQLite integrity check: \($0)" }
        if let chainBreak {
            lines.append("Audit chain broken at sequence \(chainBreak.sequence): \(chainBreak.problem)")
        }
        lines += recordProblems
        lines += evidenceMismatches
        return lines
    }
}
