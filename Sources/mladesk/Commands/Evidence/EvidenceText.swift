import DeskCore
import DeskStore
import Foundation

/// The plain-text form of a request's evidence for `evidence list` and `evidence show`. Every
/// line goes through the sanitiser before printing.
enum EvidenceText {
    /// The exchange's line, and a second one when it went through a police channel.
    static func exchange(_ exchange: EvidenceExchange, among ids: [UUID], reference: ReferenceData) -> [String] {
        var parts = ["Exchange \(EvidenceID.short(exchange.id, among: ids))", exchange.flow.rawValue, TextOutput.moment(exchange.at),
                     exchange.medium.label]
        if let channel = exchange.channel { parts.append("via \(channel.rawValue)") }
        let counterpart = [exchange.counterpartAuthority, exchange.counterpartPerson].filter { !$0.isEmpty }
        if !counterpart.isEmpty { parts.append((exchange.flow == .received ? "from " : "to ") + counterpart.joined(separator: ", ")) }
        if !exchange.transmittalReference.isEmpty { parts.append("transmittal \(exchange.transmittalReference)") }
        if let code = exchange.handling.code { parts.append("[\(code.rawValue)]") }
        return [parts.joined(separator: "  ")] + (reference.policeChannelWarning(for: exchange.channel).map { ["  !! " + $0] } ?? [])
    }

    static func item(_ item: EvidenceItem, integrity: ItemIntegrity, among ids: [UUID]) -> [String] {
        var head = "  Item \(EvidenceID.short(item.id, among: ids))  \(item.category.label)  \(item.description)"
        if !item.originalFileName.isEmpty { head += "  \(item.originalFileName)" }
        if let size = item.size { head += "  \(size) bytes" }
        head += "  [\(integrity.summary)]"
        var lines = [head]
        if integrity.hashes == .mismatch { lines.append("    !! MISMATCH: declared and computed hashes differ") }
        lines += item.declaredHashes.map { "    declared \($0.algorithm.label) \($0.value)" }
        lines += item.computedHashes.map { "    computed \($0.algorithm.label) \($0.value)" }
        return lines
    }

    /// The line for an item just hashed by `evidence add-item` or `attach`, read back with its
    /// request's evidence so that its id and its word (`verified`, `mismatch`…) are what
    /// `evidence list` shows for it.
    static func hashed(_ item: EvidenceItem, in details: RequestDetails) -> String {
        let sha256 = item.computedHashes.first { $0.algorithm == .sha256 }?.value ?? ""
        let id = EvidenceID.short(item.id, among: details.evidenceIDs)
        return TextOutput.safe("\(details.request.reference): item \(id) \(item.originalFileName)  sha256 \(sha256)  "
            + "[\(details.integrity(of: item).summary)]")
    }

    static func event(_ event: CustodyEvent) -> String {
        var line = "    \(TextOutput.moment(event.at))  \(event.kind.label)  \(event.officer)"
        if !event.location.isEmpty { line += "  at \(event.location)" }
        if !event.note.isEmpty { line += "  — \(event.note)" }
        return line
    }

    static func all(_ details: RequestDetails, reference: ReferenceData) -> [String] {
        guard !details.exchanges.isEmpty else { return ["\(details.request.reference): no evidence recorded."] }
        var lines = ["\(details.request.reference) evidence"]
        for exchange in details.exchanges {
            lines += [""] + self.exchange(exchange, among: details.evidenceIDs, reference: reference)
            if !exchange.note.isEmpty { lines.append("  Note: \(exchange.note)") }
            let items = details.items(in: exchange.id)
            if items.isEmpty { lines.append("  (no items)") }
            for item in items {
                lines += self.item(item, integrity: details.integrity(of: item), among: details.evidenceIDs)
            }
        }
        return lines
    }
}
