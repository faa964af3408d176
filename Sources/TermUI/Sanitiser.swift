/// The one place that makes untrusted text safe to paint.
///
/// Text from the case file, an import or a user's clipboard may carry escape sequences that would
/// move the cursor, change the title or write the clipboard (OSC 52), bidi overrides that make a
/// reference read backwards, or invisible characters that make two names look identical. Every
/// string drawn goes through ``visible(_:)``, which shows such characters as visible tokens
/// instead of passing them to the terminal.
public enum Sanitiser {
    /// Combining marks kept on one base character; more only serve to smear text across rows.
    public static let maxCombiningMarks = 4
    /// Unicode scalars kept in one grapheme cluster (long enough for family and flag emoji).
    public static let maxScalarsPerCluster = 24

    /// Shows control, bidi, zero-width and format characters visibly and caps pathological
    /// grapheme clusters. The result is safe to paint on one line (LF becomes "⏎"). The two
    /// joiners stay as written after a letter of a script that is not ASCII: Persian names
    /// (`محمدی‌نژاد`) and Indic ones (`ශ්‍රී`) are spelt with them, and spoofing an ASCII
    /// reference needs them beside ASCII, where they are still shown.
    public static func visible(_ text: String) -> String {
        if PlainText.isPlain(text) { return text }
        var out = String.UnicodeScalarView()
        for cluster in text {
            append(cluster, to: &out)
        }
        return String(out)
    }

    private static func append(_ cluster: Character, to out: inout String.UnicodeScalarView) {
        let scalars = cluster.unicodeScalars
        guard let first = scalars.first else { return }
        let emojiSequence = first.properties.isEmoji && first.value > 0xFF
        let joinsLetters = first.value > 0x7F && first.properties.isAlphabetic
        if isMark(first) { out.append("\u{25CC}") }
        var marks = 0
        var kept = 0
        for scalar in scalars {
            if joinsLetters, scalar.value == 0x200C || scalar.value == 0x200D { out.append(scalar); continue }
            if let token = token(for: scalar, inEmoji: emojiSequence) {
                out.append(contentsOf: token.unicodeScalars)
                continue
            }
            if isMark(scalar), scalar != first {
                marks += 1
                if marks > maxCombiningMarks { continue }
            }
            kept += 1
            if kept > maxScalarsPerCluster { continue }
            out.append(scalar)
        }
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: true
        default: false
        }
    }

    /// The visible replacement for a scalar that must not reach the terminal as is, or nil.
    static func token(for scalar: Unicode.Scalar, inEmoji: Bool) -> String? {
        let v = scalar.value
        switch v {
        case 0x09: return " "
        case 0x0A: return "⏎"
        case 0x00..<0x20: return "^" + String(UnicodeScalar(UInt8(v + 0x40)))
        case 0x7F: return "^?"
        case 0x80..<0xA0: return codePoint(v)
        case 0x20..<0x7F: return nil
        default: break
        }
        if let name = names[v] {
            if inEmoji && v == 0x200D { return nil }
            return "⟨" + name + "⟩"
        }
        switch scalar.properties.generalCategory {
        case .format:
            if inEmoji && (0xE0020...0xE007F).contains(v) { return nil }
            if v == 0x00AD { return nil }
            return codePoint(v)
        case .lineSeparator, .paragraphSeparator, .surrogate:
            return codePoint(v)
        default:
            return nil
        }
    }

    private static let names: [UInt32: String] = [
        0x061C: "ALM", 0x200E: "LRM", 0x200F: "RLM",
        0x202A: "LRE", 0x202B: "RLE", 0x202C: "PDF", 0x202D: "LRO", 0x202E: "RLO",
        0x2066: "LRI", 0x2067: "RLI", 0x2068: "FSI", 0x2069: "PDI",
        0x200B: "ZWSP", 0x200C: "ZWNJ", 0x200D: "ZWJ", 0x2060: "WJ", 0xFEFF: "BOM",
    ]

    /// Characters that text output must never carry raw, even where a format allows it (JSON
    /// strings do): C1 controls (a terminal obeys CSI, U+009B, as it does ESC [), the bidi
    /// controls named above, and the line and paragraph separators.
    public static func mustBeEscaped(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (0x80..<0xA0).contains(v) || v == 0x2028 || v == 0x2029
            || (names[v] != nil && !(0x200B...0x200D).contains(v) && v != 0x2060 && v != 0xFEFF)
    }

    private static func codePoint(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }
}
