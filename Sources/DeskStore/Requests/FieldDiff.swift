import DeskCore
import Foundation

/// Says in words which fields an edit changed, for the audit trail: short values as
/// `urgency: routine → urgent`, long ones by name only.
enum FieldDiff {
    /// What an edit that changed no field says.
    static let unchanged = "saved without changes"

    static func describe(from old: Request, to new: Request) -> String {
        guard let before = try? RequestRows.body(old), let after = try? RequestRows.body(new) else { return "edited" }
        return describe(from: before, to: after)
    }

    /// The same, from the two requests' canonical bodies (a save has the new one at hand).
    static func describe(from old: Data, to new: Data) -> String {
        guard let before = JSONMembers(String(decoding: old, as: UTF8.self))?.values,
            let after = JSONMembers(String(decoding: new, as: UTF8.self))?.values
        else { return "edited" }
        let ignored: Set<String> = ["version", "updatedAt", "updatedBy"]
        let keys = Set(before.keys).union(after.keys).subtracting(ignored).sorted()
        let changes = keys.compactMap { key -> String? in
            guard before[key] != after[key] else { return nil }
            let a = before[key].map(JSONMembers.display)
            let b = after[key].map(JSONMembers.display)
            if let a, let b, a.count <= 40, b.count <= 40, !a.contains("\n"), !b.contains("\n") {
                return "\(key): \(a) → \(b)"
            }
            return key
        }
        return changes.isEmpty ? unchanged : changes.joined(separator: "; ")
    }
}
