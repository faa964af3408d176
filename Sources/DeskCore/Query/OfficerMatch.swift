import Foundation

/// An officer named as people type a colleague's name: part of it, any case, accents and
/// letters of other alphabets' spelling aside (`müller`, `MULLER`, `ana_m`, `ostergaard` for
/// Søren Østergaard, `luc dubois` for Jean-Luc Dubois). The filter line and `list --assigned`
/// read names alike.
public enum OfficerMatch {
    /// The officers of `officers` that `typed` names: the one whose whole name it is, else those
    /// with a run of words each starting with the typed words in turn. Underscores and hyphens
    /// part words as spaces do.
    public static func officers(_ typed: String, among officers: [String]) -> [String] {
        let wanted = words(typed)
        guard !wanted.isEmpty else { return [] }
        let written = typed.replacingOccurrences(of: "_", with: " ").trimmingCharacters(in: .whitespaces)
        if let exact = officers.first(where: { $0 == written }) { return [exact] }
        let named = officers.filter { words($0) == wanted }
        guard named.isEmpty else { return named }
        return officers.filter { name in
            let have = words(name)
            guard have.count >= wanted.count else { return false }
            return (0...(have.count - wanted.count)).contains { start in
                zip(have[start...], wanted).allSatisfy { $0.hasPrefix($1) }
            }
        }
    }

    /// Whether `typed` has anything to look for (`officer:___` has not).
    public static func namesSomething(_ typed: String) -> Bool {
        !words(typed).isEmpty
    }

    /// A name as words for comparing: Latin letters without their marks (ø as o, ı as i, ß as
    /// ss), lower case, parted at spaces, underscores and hyphens. The filter line compares every
    /// officer's name at each key, so the transliteration (some 40 µs a name) runs only for what
    /// folding case and accents leaves outside ASCII (some 4 µs).
    static func words(_ name: String) -> [String] {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        let latin = folded.utf8.allSatisfy { $0 < 0x80 }
            ? folded
            : (folded.applyingTransform(StringTransform("Latin-ASCII"), reverse: false) ?? folded).lowercased()
        return latin.split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" || $0.isWhitespace }).map(String.init)
    }
}
