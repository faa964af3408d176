/// Where an item stands, as the Evidence tab and `mladesk verify` show it: whether its declared
/// and computed hashes agree, and how its file fared the last time it was hashed again.
public struct ItemIntegrity: Sendable, Hashable {
    public var hashes: HashVerification
    /// The newest `verification_passed` / `verification_failed` event, if the item ever had one.
    public var lastVerification: CustodyEvent?
    /// The item's destruction, its last event, once recorded.
    public var destruction: CustodyEvent?

    public init(item: EvidenceItem, timeline: [CustodyEvent]) {
        hashes = item.verification
        lastVerification = timeline.last { $0.itemID == item.id && $0.kind.isVerification }
        destruction = timeline.first { $0.itemID == item.id && $0.kind == .destroyed }
    }

    /// Declared and computed hashes disagree, or the last re-hash did not reproduce them.
    public var hasMismatch: Bool {
        hashes == .mismatch || lastVerification?.kind == .verificationFailed
    }

    public var isNeverVerified: Bool { lastVerification == nil }

    /// One word for lists: `mismatch`, `destroyed`, `failed`, `verified`, `hashed`, `not hashed`.
    public var summary: String {
        if hashes == .mismatch { return "mismatch" }
        if destruction != nil { return "destroyed" }
        switch lastVerification?.kind {
        case .verificationFailed: return "failed"
        case .verificationPassed: return "verified"
        default: return hashes == .notComputed ? "not hashed" : "hashed"
        }
    }
}

extension CustodyEvent.Kind {
    public var isVerification: Bool { self == .verificationPassed || self == .verificationFailed }
}
