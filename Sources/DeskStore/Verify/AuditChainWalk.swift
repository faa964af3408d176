import DeskCore

/// Follows the audit chain one row at a time and keeps only the first place it breaks, so a
/// walk over a million rows holds no more than the row before. The full verify starts it at the
/// genesis; the check at opening starts it at the row the last full verify ended on.
struct AuditChainWalk {
    private(set) var chainBreak: (sequence: Int64, problem: String)?
    /// Rows seen so far.
    private(set) var rows = 0
    /// The newest row seen and its hash: where the next check may start when the walk is sound.
    private(set) var lastSequence: Int64
    private(set) var lastHash: String
    private var expectedSequence: Int64

    /// A walk whose first row must follow `sequence`, whose hash is `hash`.
    init(after sequence: Int64 = 0, hash: String = AuditLog.genesisHash) {
        lastSequence = sequence
        lastHash = hash
        expectedSequence = sequence + 1
    }

    mutating func step(_ entry: AuditEntry) {
        rows += 1
        guard chainBreak == nil else { return }
        if entry.sequence != expectedSequence {
            chainBreak = (expectedSequence, entry.sequence > expectedSequence
                ? "rows \(expectedSequence)–\(entry.sequence - 1) are missing"
                : "sequence \(entry.sequence) appears out of order")
        } else if entry.previousHash != lastHash {
            chainBreak = (entry.sequence, "it does not link to the row before it (rows deleted, reordered or edited)")
        } else if AuditLog.chainHash(entry) != entry.hash {
            chainBreak = (entry.sequence, "its content was changed after it was written")
        }
        expectedSequence = entry.sequence + 1
        lastSequence = entry.sequence
        lastHash = entry.hash
    }

    /// Records a break the walk cannot see by itself, unless an earlier one is already known.
    mutating func fail(at sequence: Int64, _ problem: String) {
        if chainBreak == nil { chainBreak = (sequence, problem) }
    }
}
