import Foundation

extension EvidenceItem {
    /// The custody event that records hashing this item's file.
    ///
    /// The first hash of an item with declared hashes is its verification against the
    /// declaration; without one there is nothing to verify, so it is recorded as an examination.
    /// A later hash (`recheck`) is always a verification against ``referenceDigests``.
    public func custodyEvent(afterHashing fresh: [HashDigest], size: Int64, file: String, recheck: Bool, at: Date,
                             officer: String) -> CustodyEvent {
        let check = check(fresh)
        let sha256 = fresh.first { $0.algorithm == .sha256 }?.value ?? ""
        let kind: CustodyEvent.Kind
        var note: String
        if !recheck && declaredHashes.isEmpty {
            kind = .examined
            note = "hashed \(file): SHA256 \(sha256), \(size) bytes"
        } else {
            kind = check.passed ? .verificationPassed : .verificationFailed
            let against = recheck ? "recorded" : "declared"
            note = (recheck ? "re-hashed \(file)" : "hashed \(file)") + ", \(size) bytes: "
            if check.passed {
                note += check.compared.isEmpty
                    ? "SHA256 \(sha256), nothing \(against) to compare"
                    : check.compared.map(\.label).joined(separator: ", ") + " match \(against)"
            } else {
                note += check.mismatched.map { algorithm in
                    let expected = referenceDigests.first { $0.algorithm == algorithm }?.value ?? ""
                    let now = fresh.first { $0.algorithm == algorithm }?.value ?? ""
                    return "\(algorithm.label) \(against) \(expected), computed \(now)"
                }.joined(separator: "; ")
            }
        }
        return CustodyEvent(itemID: id, kind: kind, at: at, officer: officer, note: note)
    }
}
