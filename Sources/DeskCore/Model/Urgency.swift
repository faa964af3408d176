/// How fast a request must move. `emergency` means a significant and imminent risk to life or
/// safety (Second Additional Protocol, Art. 9–10) and shortens legal deadlines.
public enum Urgency: String, CaseIterable, Codable, Sendable, Hashable, Comparable {
    case routine
    case urgent
    case emergency

    public var label: String {
        switch self {
        case .routine: "Routine"
        case .urgent: "Urgent"
        case .emergency: "Emergency"
        }
    }

    private var rank: Int {
        switch self {
        case .routine: 0
        case .urgent: 1
        case .emergency: 2
        }
    }

    public static func < (lhs: Urgency, rhs: Urgency) -> Bool { lhs.rank < rhs.rank }
}
