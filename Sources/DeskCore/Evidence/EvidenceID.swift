import Foundation

/// Evidence ids as officers type them: the first characters of the UUID, lower-case, as long as
/// they pick out one record of the request.
public enum EvidenceID {
    /// The form used where the other ids of the request are not at hand: its first three
    /// groups (`01a229c0-5402-7018`). Ids made one after another share their first eight digits
    /// (the time they were made), so eight would name several records of a request.
    public static func short(_ id: UUID) -> String {
        String(id.uuidString.lowercased().prefix(18))
    }

    /// The shortest start of `id`, eight hex digits or more, that no other id of `others`
    /// shares. Ids made one after another (version 7, as demo data and many systems make them)
    /// share their first digits, and an officer types what lists show.
    public static func short(_ id: UUID, among others: some Sequence<UUID>) -> String {
        let digits = hexDigits(id)
        var needed = minimumDigits
        for other in others where other != id {
            let shared = zip(digits, hexDigits(other)).prefix { $0 == $1 }.count
            needed = max(needed, min(shared + 1, digits.count))
        }
        var shown = ""
        var count = 0
        for character in id.uuidString.lowercased() where count < needed {
            shown.append(character)
            if character != "-" { count += 1 }
        }
        return shown
    }

    private static let minimumDigits = 8

    private static func hexDigits(_ id: UUID) -> [Character] {
        Array(id.uuidString.lowercased().filter { $0 != "-" })
    }

    /// The records whose id starts with `prefix` (case and hyphens ignored); exactly one means found.
    public static func matches<Record: Identifiable>(_ prefix: String, in records: [Record]) -> [Record]
    where Record.ID == UUID {
        let wanted = prefix.lowercased().filter { $0 != "-" }
        guard !wanted.isEmpty else { return [] }
        return records.filter { $0.id.uuidString.lowercased().filter { $0 != "-" }.hasPrefix(wanted) }
    }
}
