import DeskCore
import Foundation

/// Says in words which fields an edit changed, for the audit trail: short values as
/// `urgency: routine → urgent`, long ones by name only.
enum FieldDiff {
    static func describe(from old: Request, to new: Request) -> String {
        guard let before = dictionary(old), let after = dictionary(new) else { return "edited" }
        let ignored: Set<String> = ["version", "updatedAt", "updatedBy"]
        let keys = Set(before.keys).union(after.keys).subtracting(ignored).sorted()
        let changes = keys.compactMap { key -> String? in
            let a = before[key].map(render)
            let b = after[key].map(render)
            guard a != b else { return nil }
            if let a, let b, a.count <= 40, b.count <= 40, !a.contains("\n"), !b.contains("\n") {
                return "\(key): \(a) → \(b)"
            }
            return key
        }
        return changes.isEmpty ? "saved without changes" : changes.joined(separator: "; ")
    }

    private static func dictionary(_ request: Request) -> [String: Any]? {
        guard let data = try? RequestRows.body(request) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    private static func render(_ value: Any) -> String {
        if let text = value as? String { return text }
        if let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]) {
            return String(decoding: data, as: UTF8.self)
        }
        return String(describing: value)
    }
}
