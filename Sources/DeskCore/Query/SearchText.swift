import Foundation

/// Text as the full-text index holds it, and as a search looks for it: the same folding on
/// both sides, so that what an officer types finds what was written.
///
/// SQLite's tokenizer folds case and takes the accents off Latin letters only, and it takes a
/// run of letters without spaces as one word. So Greek written without its accents (capitals
/// are, as a rule) missed `Εισαγγελία`, and a word inside Chinese, Japanese or Thai text —
/// `司法部` in `中华人民共和国司法部` — was never found. Here any text that is not plain ASCII
/// has its case and accents folded in every script, and each character of the scripts
/// written without spaces between words stands as a word of its own; a search for several of
/// them looks for them side by side.
public enum SearchText {
    public static func folded(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        guard folded.unicodeScalars.contains(where: isUnspaced) else { return folded }
        var spaced = ""
        spaced.reserveCapacity(folded.utf8.count * 2)
        for character in folded {
            if let first = character.unicodeScalars.first, isUnspaced(first) {
                spaced += " "
                spaced.append(character)
                spaced += " "
            } else {
                spaced.append(character)
            }
        }
        return spaced
    }

    /// Han, kana, Thai, Lao, Khmer and Myanmar: scripts written without spaces between words.
    private static func isUnspaced(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0E00...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF, 0x3040...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF66...0xFF9F, 0x20000...0x2FA1F:
            true
        default:
            false
        }
    }
}
