import Foundation

/// Evidence ids as officers type them: the first characters of the UUID, lower-case, as long as
/// they pick out one record of the request.
public enum EvidenceID {
    /// The eight-character form lists show.
    public static func short(_ id: UUID) -> String {
        String(id.uuidString.lowercased().prefix(8))
    }

    /// The records whose id starts with `prefix` (case and hyphens ignored); exactly one means found.
    public static func matches<Record: Identifiable>(_ prefix: String, in records: [Record]) -> [Record]
    where Record.ID == UUID {
        let wanted = prefix.lowercased().filter { $0 != "-" }
        guard !wanted.isEmpty else { return [] }
        return records.filter { $0.id.uuidString.lowercased().filter { $0 != "-" }.hasPrefix(wanted) }
    }
}
