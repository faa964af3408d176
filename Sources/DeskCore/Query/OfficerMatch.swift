import Foundation

/// An officer named as people type a colleague's name: part of it, any case, accents aside
/// (`müller`, `MULLER`, `ana_m` for Ana Müller). The filter line and `list --assigned` read
/// names alike.
public enum OfficerMatch {
    /// The officers of `officers` that `typed` names: the one whose whole name it is, else those
    /// whose name, or a word of it, starts with it; underscores stand for spaces.
    public static func officers(_ typed: String, among officers: [String]) -> [String] {
        let word = folded(typed)
        let named = officers.filter { folded($0) == word }
        guard named.isEmpty else { return named }
        return officers.filter { name in
            let whole = folded(name)
            return whole.hasPrefix(word) || whole.split(separator: " ").contains { $0.hasPrefix(word) }
        }
    }

    /// Case and accents set aside, underscores as spaces.
    public static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).replacingOccurrences(of: "_", with: " ")
    }
}
