import DeskCore
import Foundation
import TermUI

/// One screen row of the Evidence tab. Rows belong to the exchange or item they describe, so
/// selecting a record highlights its first row and scrolling keeps all its rows in view.
struct EvidenceRow: Equatable {
    var text: String
    var role: StyleRole
    /// The exchange or item the row describes; nil for notes between records.
    var record: UUID?
    /// The record's first row: the one the selection marks.
    var isLead = false
}

/// The Evidence tab as rows: each exchange (flow, when, medium, channel, counterpart,
/// transmittal, handling code), then its items (category, description, file, size, the short
/// SHA-256 and the verification state). A mismatch names both values, with the error role and `≠`.
enum EvidenceRows {
    /// Hex digits shown of a hash in the tab; the item view shows it in full.
    static let shortHashLength = 12

    static func rows(_ details: RequestDetails, context: DeskContext) -> [EvidenceRow] {
        guard !details.exchanges.isEmpty else {
            let key = context.keys.keyText(.evidenceRecordExchange, in: .evidence)
            return [EvidenceRow(text: "No evidence exchanged yet. Press \(key) to record an exchange.", role: .dim)]
        }
        var rows: [EvidenceRow] = []
        for exchange in details.exchanges {
            if !rows.isEmpty { rows.append(EvidenceRow(text: "", role: .normal)) }
            rows += exchangeRows(exchange, context: context)
            let items = details.items(in: exchange.id)
            if items.isEmpty {
                let key = context.keys.keyText(.evidenceAddItem, in: .evidence)
                rows.append(EvidenceRow(text: "  No items yet. Press \(key) to add one.", role: .dim, record: exchange.id))
            }
            for item in items {
                rows += itemRows(item, integrity: details.integrity(of: item))
            }
        }
        return rows
    }

    /// Exchanges and items in display order: what ↑/↓ step through.
    static func records(_ details: RequestDetails) -> [UUID] {
        details.exchanges.flatMap { exchange in [exchange.id] + details.items(in: exchange.id).map(\.id) }
    }

    private static func exchangeRows(_ exchange: EvidenceExchange, context: DeskContext) -> [EvidenceRow] {
        var head = [exchange.flow == .received ? "Received" : "Sent", context.dates.minute(exchange.at),
                    exchange.medium.label]
        if let channel = exchange.channel {
            head.append("via " + (context.reference.channel(channel)?.label ?? channel.rawValue))
        }
        var rows = [EvidenceRow(text: head.joined(separator: " · "), role: .header, record: exchange.id, isLead: true)]
        if let warning = context.reference.policeChannelWarning(for: exchange.channel) {
            rows.append(EvidenceRow(text: "  ! " + warning, role: .error, record: exchange.id))
        }
        var facts: [String] = []
        let counterpart = [exchange.counterpartAuthority, exchange.counterpartPerson].filter { !$0.isEmpty }
        if !counterpart.isEmpty {
            facts.append((exchange.flow == .received ? "from " : "to ") + counterpart.joined(separator: ", "))
        }
        if !exchange.transmittalReference.isEmpty { facts.append("transmittal \(exchange.transmittalReference)") }
        if let code = exchange.handling.code { facts.append("handling \(code.rawValue)") }
        if !facts.isEmpty {
            rows.append(EvidenceRow(text: "  " + facts.joined(separator: " · "), role: .dim, record: exchange.id))
        }
        return rows
    }

    private static func itemRows(_ item: EvidenceItem, integrity: ItemIntegrity) -> [EvidenceRow] {
        var head = ["  " + item.category.label, item.description]
        if !item.originalFileName.isEmpty { head.append(item.originalFileName) }
        if let size = item.size { head.append("\(NumberText.grouped(Int(size))) bytes") }
        let lead = EvidenceRow(text: head.joined(separator: " · "), role: .value, record: item.id, isLead: true)
        let (state, role) = verification(item, integrity: integrity)
        return [lead, EvidenceRow(text: "    " + state, role: role, record: item.id)]
    }

    /// The second row of an item: its short SHA-256 and where its verification stands.
    static func verification(_ item: EvidenceItem, integrity: ItemIntegrity) -> (String, StyleRole) {
        if integrity.hashes == .mismatch, let algorithm = item.mismatchedAlgorithms.first,
            let declared = item.declaredHashes.first(where: { $0.algorithm == algorithm }),
            let computed = item.computedHashes.first(where: { $0.algorithm == algorithm }) {
            let (shownDeclared, shownComputed) = differing(declared.value, computed.value)
            return ("≠ \(algorithm.label) MISMATCH: declared \(shownDeclared) computed \(shownComputed)", .error)
        }
        let sha256 = item.computedHashes.first { $0.algorithm == .sha256 }.map { "SHA-256 \(short($0.value))" }
        if integrity.destruction != nil {
            return ((sha256.map { "\($0) " } ?? "") + "· destroyed: nothing more is recorded for it", .dim)
        }
        if integrity.lastVerification?.kind == .verificationFailed {
            return ("≠ last verification failed" + (sha256.map { " · recorded \($0)" } ?? ""), .error)
        }
        if integrity.lastVerification?.kind == .verificationPassed {
            return ((sha256.map { "\($0) " } ?? "") + "✓ verified", .ok)
        }
        if integrity.hashes == .notComputed {
            let declared = item.declaredHashes.first { $0.algorithm == .sha256 }.map { " · declared SHA-256 \(short($0.value))" }
            return ("not hashed" + (declared ?? ""), .dim)
        }
        return ((sha256.map { "\($0) " } ?? "") + "· hashed, not yet verified", .normal)
    }

    /// Two digests that differ, each cut to the same short window, placed where they first
    /// differ: two hashes that agree in their first digits must not look alike on screen.
    static func differing(_ first: String, _ second: String) -> (String, String) {
        let a = Array(first.lowercased()), b = Array(second.lowercased())
        let firstDifference = a.indices.first { $0 >= b.count || a[$0] != b[$0] } ?? a.count
        guard firstDifference >= shortHashLength - 2 else { return (short(first), short(second)) }
        let start = firstDifference - 4
        func window(_ hex: [Character]) -> String {
            let end = min(hex.count, start + shortHashLength)
            return "…" + String(hex[min(start, end)..<end]) + (end < hex.count ? "…" : "")
        }
        return (window(a), window(b))
    }

    static func short(_ hex: String) -> String {
        hex.count > shortHashLength ? String(hex.prefix(shortHashLength)) + "…" : hex
    }
}
