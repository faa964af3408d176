import DeskCore
import Foundation

/// Says in words which fields an edit changed, for the audit trail: short values as
/// `urgency: routine → urgent`, long ones by name only.
enum FieldDiff {
    static func describe(from old: Request, to new: Request) -> String {
        sentence(changes(from: old, to: new))
    }

    /// The same, from the two requests' canonical bodies (a save has the new one at hand).
    static func describe(from old: Data, to new: Data) -> String {
        sentence(changes(from: old, to: new))
    }

    /// Each field that differs, in words; empty when none does.
    static func changes(from old: Request, to new: Request) -> [String] {
        guard let before = try? RequestRows.body(old), let after = try? RequestRows.body(new) else { return ["edited"] }
        return changes(from: before, to: after)
    }

    private static func changes(from old: Data, to new: Data) -> [String] {
        guard let before = JSONMembers(String(decoding: old, as: UTF8.self))?.values,
            let after = JSONMembers(String(decoding: new, as: UTF8.self))?.values
        else { return ["edited"] }
        return changes(before, after, path: "", ignored: ["version", "updatedAt", "updatedBy"])
    }

    private static func sentence(_ changes: [String]) -> String {
        changes.isEmpty ? "saved without changes" : changes.joined(separator: "; ")
    }

    /// Each member that differs, in key order. A member that is an object on both sides (the key
    /// dates) is described by its own members, `dates.due: … → …`, so that what a date was
    /// before an edit stays in the trail; a value absent on one side reads "—".
    private static func changes(_ before: [String: Substring], _ after: [String: Substring], path: String,
                                ignored: Set<String>) -> [String] {
        Set(before.keys).union(after.keys).subtracting(ignored).sorted().flatMap { key -> [String] in
            guard before[key] != after[key] else { return [] }
            let name = path + key
            if path.isEmpty, let a = before[key], let b = after[key], a.first == "{", b.first == "{",
                let innerBefore = JSONMembers(String(a))?.values, let innerAfter = JSONMembers(String(b))?.values {
                return changes(innerBefore, innerAfter, path: name + ".", ignored: [])
            }
            let a = before[key].map(JSONMembers.display) ?? "—"
            let b = after[key].map(JSONMembers.display) ?? "—"
            if a.count <= 40, b.count <= 40, !a.contains("\n"), !b.contains("\n") {
                return ["\(name): \(a) → \(b)"]
            }
            return [name]
        }
    }
}
