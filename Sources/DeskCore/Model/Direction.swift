/// Whether a request leaves our authorities for a foreign state or arrives from one.
public enum Direction: String, CaseIterable, Codable, Sendable, Hashable {
    case incoming = "in"
    case outgoing = "out"

    /// The prefix of local references: `IN-2026-0017`, `OUT-2026-0042`.
    public var referencePrefix: String {
        switch self {
        case .incoming: "IN"
        case .outgoing: "OUT"
        }
    }

    public var label: String {
        switch self {
        case .incoming: "Incoming"
        case .outgoing: "Outgoing"
        }
    }
}
