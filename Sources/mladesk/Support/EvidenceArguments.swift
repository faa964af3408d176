import ArgumentParser
import DeskCore

extension EvidenceExchange.Flow: ExpressibleByArgument {}
extension EvidenceExchange.Medium: ExpressibleByArgument {}
extension EvidenceItem.Category: ExpressibleByArgument {}
extension CustodyEvent.Kind: ExpressibleByArgument {}
extension HandlingRestrictions.Code: ExpressibleByArgument {}

/// A list of hash algorithms typed as `sha256,md5,sha1`.
struct AlgorithmList: ExpressibleByArgument {
    var algorithms: [HashDigest.Algorithm]

    init?(argument: String) {
        var algorithms: [HashDigest.Algorithm] = []
        for name in argument.lowercased().split(separator: ",") {
            guard let algorithm = HashDigest.Algorithm(rawValue: name.trimmingCharacters(in: .whitespaces)) else { return nil }
            if !algorithms.contains(algorithm) { algorithms.append(algorithm) }
        }
        guard !algorithms.isEmpty else { return nil }
        self.algorithms = algorithms
    }

    static var allValueStrings: [String] { HashDigest.Algorithm.allCases.map(\.rawValue) }

    /// As typed (`sha256`), for help and the man page.
    var defaultValueDescription: String { algorithms.map(\.rawValue).joined(separator: ",") }
}
