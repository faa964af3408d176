import Foundation

/// What makes an exchange or an item acceptable to the case file, checked before anything is
/// written so a refusal names every problem at once.
///
/// Hash rules follow the desk's integrity policy: SHA-256 is always measured; MD5 and SHA-1 are
/// legacy and only computed to compare with what a counterpart declared.
public enum EvidenceRules {
    /// The longest free text kept in one field; longer text is a paste gone wrong.
    public static let maxTextLength = 4_000

    public static func problems(in exchange: EvidenceExchange, reference: ReferenceData?) -> [String] {
        var problems: [String] = []
        if let channel = exchange.channel {
            if channel.rawValue.isEmpty {
                problems.append("the channel is empty")
            } else if let reference, reference.channel(channel) == nil {
                problems.append("'\(channel.rawValue)' is not a known channel; known: "
                    + reference.channels.map(\.id.rawValue).joined(separator: ", "))
            }
        }
        let texts = [
            ("counterpart authority", exchange.counterpartAuthority), ("counterpart person", exchange.counterpartPerson),
            ("transmittal reference", exchange.transmittalReference), ("note", exchange.note),
            ("confidentiality", exchange.handling.confidentiality), ("limitation of use", exchange.handling.limitationOfUse),
        ]
        problems += texts.compactMap { name, text in tooLong(name, text) }
        if let early = RecordTime.tooEarly(exchange.at, "the exchange's date") { problems.append(early) }
        return problems
    }

    public static func problems(in item: EvidenceItem) -> [String] {
        var problems: [String] = []
        if item.description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append("the item needs a description")
        }
        problems += [("description", item.description), ("original file name", item.originalFileName)]
            .compactMap { name, text in tooLong(name, text) }
        if let size = item.size, size < 0 {
            problems.append("the size cannot be negative")
        }
        problems += digestProblems(item.declaredHashes, kind: "declared")
        problems += digestProblems(item.computedHashes, kind: "computed")
        if !item.computedHashes.isEmpty {
            if !item.computedHashes.contains(where: { $0.algorithm == .sha256 }) {
                problems.append("computed hashes must include SHA-256")
            }
            for legacy in item.computedHashes where legacy.algorithm != .sha256
                && !item.declaredHashes.contains(where: { $0.algorithm == legacy.algorithm }) {
                problems.append("\(legacy.algorithm.label) is only computed when a counterpart declared it")
            }
        }
        return problems
    }

    /// The algorithms to compute for an item: SHA-256, plus each legacy algorithm declared.
    public static func algorithms(toCompute item: EvidenceItem) -> [HashDigest.Algorithm] {
        [.sha256] + HashDigest.Algorithm.allCases.filter { algorithm in
            algorithm != .sha256 && item.declaredHashes.contains { $0.algorithm == algorithm }
        }
    }

    private static func digestProblems(_ digests: [HashDigest], kind: String) -> [String] {
        var problems: [String] = []
        var seen = Set<HashDigest.Algorithm>()
        for digest in digests {
            if !digest.isWellFormed {
                problems.append("the \(kind) \(digest.algorithm.label) must be \(digest.algorithm.hexLength) hexadecimal digits")
            }
            if !seen.insert(digest.algorithm).inserted {
                problems.append("the \(kind) \(digest.algorithm.label) is given twice")
            }
        }
        return problems
    }

    private static func tooLong(_ name: String, _ text: String) -> String? {
        text.count > maxTextLength ? "the \(name) is longer than \(maxTextLength) characters" : nil
    }
}
