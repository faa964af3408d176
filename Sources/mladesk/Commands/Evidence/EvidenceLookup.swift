import DeskCore
import DeskStore

/// Finds the exchange or item an evidence command names, with a sentence for
/// each way a reference or an id prefix can miss.
enum EvidenceLookup {
    static func exchange(_ prefix: String, in details: RequestDetails) throws -> EvidenceExchange {
        try unique(prefix, EvidenceID.matches(prefix, in: details.exchanges), kind: "exchange", details: details)
    }

    static func item(_ prefix: String, in details: RequestDetails) throws -> EvidenceItem {
        try unique(prefix, EvidenceID.matches(prefix, in: details.items), kind: "item", details: details)
    }

    private static func unique<Record>(_ prefix: String, _ matches: [Record], kind: String,
                                       details: RequestDetails) throws -> Record {
        switch matches.count {
        case 1: return matches[0]
        case 0: throw CommandFailure("\(details.request.reference) has no evidence \(kind) whose id starts with '\(TextOutput.safe(prefix))'; see `mladesk evidence list \(details.request.reference)`.")
        default: throw CommandFailure("'\(TextOutput.safe(prefix))' matches \(matches.count) evidence \(kind)s of \(details.request.reference); type more of the id.")
        }
    }
}
