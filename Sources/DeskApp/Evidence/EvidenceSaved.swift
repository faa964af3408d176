import DeskCore

/// What the case file recorded for an evidence form, so the desk can say so and select it.
public enum EvidenceSaved: Equatable, Sendable {
    case exchange(EvidenceExchange)
    /// New items (one per file of a folder), or an item that had a file attached; `skipped`
    /// counts links, FIFOs and devices a folder walk left out.
    case items([EvidenceItem], skipped: Int)
    case custody(CustodyEvent)
}
