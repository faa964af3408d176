/// How far a checklist is settled, for the completeness meter (`Required 9/12`) and lists.
/// Obsolete items do not count.
public struct ChecklistProgress: Sendable, Hashable, Codable {
    public var requiredSettled: Int
    public var requiredTotal: Int
    public var settled: Int
    public var total: Int

    public init(_ checklist: [ChecklistItem]) {
        let current = checklist.filter { !$0.isObsolete }
        let required = current.filter(\.isRequired)
        requiredSettled = required.filter(\.isSettled).count
        requiredTotal = required.count
        settled = current.filter(\.isSettled).count
        total = current.count
    }

    public var isComplete: Bool { requiredSettled == requiredTotal }

    /// `Required 9/12`.
    public var meter: String { "Required \(requiredSettled)/\(requiredTotal)" }
}
