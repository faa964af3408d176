extension EvidenceItem {
    /// The algorithms whose declared and computed digests both exist and differ, in the order
    /// they were declared: what a mismatch is about.
    public var mismatchedAlgorithms: [HashDigest.Algorithm] {
        declaredHashes.filter { declared in
            computedHashes.contains {
                $0.algorithm == declared.algorithm && $0.value.lowercased() != declared.value.lowercased()
            }
        }.map(\.algorithm)
    }

    /// The digests a fresh hash of the file must reproduce: for each algorithm the declared value
    /// where a counterpart declared one, else the value this desk computed first.
    public var referenceDigests: [HashDigest] {
        HashDigest.Algorithm.allCases.compactMap { algorithm in
            declaredHashes.first { $0.algorithm == algorithm } ?? computedHashes.first { $0.algorithm == algorithm }
        }
    }

    /// Compares freshly computed digests with ``referenceDigests``; algorithms only one side has
    /// are not compared. Nothing to compare with counts as passed: the digests become the reference.
    public func check(_ fresh: [HashDigest]) -> HashCheck {
        let mismatched = referenceDigests.filter { expected in
            fresh.contains { $0.algorithm == expected.algorithm && $0.value.lowercased() != expected.value.lowercased() }
        }
        let compared = referenceDigests.filter { expected in fresh.contains { $0.algorithm == expected.algorithm } }
        return HashCheck(compared: compared.map(\.algorithm), mismatched: mismatched.map(\.algorithm))
    }
}

/// The outcome of hashing an item's file again and comparing with what was recorded.
public struct HashCheck: Sendable, Hashable {
    public var compared: [HashDigest.Algorithm]
    public var mismatched: [HashDigest.Algorithm]

    public var passed: Bool { mismatched.isEmpty }
}
