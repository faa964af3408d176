/// How many terminal columns text occupies, so layout never drifts on CJK, emoji or accents.
///
/// Rules: East Asian wide and fullwidth characters and emoji presentation sequences take two
/// columns; combining marks, zero-width and format characters take none; everything else one.
/// Control characters measure zero, but nothing drawn contains them: ``Sanitiser`` runs first.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        if PlainText.isASCII(text) { return text.utf8.count }
        if PlainText.isPlain(text) { return text.unicodeScalars.count }
        return text.reduce(0) { $0 + of($1) }
    }

    public static func of(_ c: Character) -> Int {
        let scalars = c.unicodeScalars
        guard let first = scalars.first else { return 0 }
        let value = first.value
        if value >= 0x20 && value < 0x7F && scalars.count == 1 { return 1 }
        if value < 0x20 || (value >= 0x7F && value < 0xA0) { return 0 }
        if let parts = parts(of: c) { return parts.reduce(0) { $0 + of(part: $1) } }
        return widthOfCluster(scalars, first)
    }

    /// The parts a terminal draws a grapheme in when it holds more than one character that
    /// takes columns, each such character with the marks that follow it; nil for a grapheme
    /// drawn whole (nearly every one, and a flag's two halves).
    ///
    /// A Devanagari conjunct (`क्ष`) or an emoji with a skin tone is one grapheme to Swift, but
    /// ncurses keeps one character that takes columns per cell (`setcchar` drops the rest) and
    /// terminals measure such a grapheme character by character, as wcwidth does; so the screen
    /// gives each part its own cells and the grapheme the columns of all its parts. An emoji
    /// sequence joined with U+200D (`👩‍💻`) is drawn as its emoji side by side (`👩💻`), without
    /// the joiners: a terminal that joins them draws one glyph where ncurses counted several,
    /// and every row after it would be shifted; without them, every terminal agrees.
    public static func parts(of c: Character) -> [String]? {
        let scalars = c.unicodeScalars
        // Counted before anything is built: a letter with its marks (Arabic with its vowels, a
        // decomposed é) is one part, and this runs for every such grapheme of every frame.
        guard scalars.count > 1, scalars.dropFirst().contains(where: { !isZeroWidth($0) }) else { return nil }
        let emoji = scalars.first.map { $0.properties.isEmoji && $0.value > 0xFF } ?? false
        var parts: [String.UnicodeScalarView] = []
        for scalar in scalars {
            if emoji && scalar.value == 0x200D { continue }
            if parts.isEmpty || isZeroWidth(scalar) {
                if parts.isEmpty { parts.append(String.UnicodeScalarView()) }
                parts[parts.count - 1].append(scalar)
            } else {
                parts.append(String.UnicodeScalarView([scalar]))
            }
        }
        guard parts.count > 1, !scalars.allSatisfy(isRegionalIndicator) else { return nil }
        return parts.map(String.init)
    }

    /// The columns of one part from ``parts(of:)``.
    static func of(part: String) -> Int {
        guard let first = part.unicodeScalars.first else { return 0 }
        return widthOfCluster(part.unicodeScalars, first)
    }

    private static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    private static func widthOfCluster(_ scalars: some Collection<Unicode.Scalar>, _ first: Unicode.Scalar) -> Int {
        let properties = first.properties
        if properties.isEmoji {
            if scalars.contains(where: { $0.value == 0xFE0F || $0.value == 0x20E3 }) { return 2 }
            if scalars.contains(where: { $0.value == 0xFE0E }) { return 1 }
            if properties.isEmojiPresentation { return 2 }
        }
        if isZeroWidth(first) { return 0 }
        return EastAsianWide.contains(first.value) ? 2 : 1
    }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return scalar.value != 0x00AD
        default:
            return (0x1160...0x11FF).contains(scalar.value) || (0xD7B0...0xD7FF).contains(scalar.value)
        }
    }

    /// Width of a grapheme as it will appear once sanitised; editors use it so the cursor column
    /// matches what the screen shows even when the text holds control characters.
    static func visible(_ c: Character) -> Int {
        if let ascii = c.asciiValue, ascii >= 0x20, ascii < 0x7F { return 1 }
        return of(Sanitiser.visible(String(c)))
    }

    /// Cuts text to at most `width` columns, ending with "…" when something was cut.
    public static func truncate(_ text: String, to width: Int, ellipsis: Bool = true) -> String {
        fitted(text, to: width, ellipsis: ellipsis).text
    }

    /// ``truncate(_:to:ellipsis:)`` with the width of what it gives. Plain text has one column
    /// per scalar (per byte when ASCII), so it is measured and cut by counting; anything else
    /// grapheme by grapheme.
    static func fitted(_ text: String, to width: Int, ellipsis: Bool = true) -> (text: String, width: Int) {
        guard width > 0 else { return ("", 0) }
        let budget = ellipsis ? width - 1 : width
        let mark = ellipsis ? 1 : 0
        if PlainText.isASCII(text) {
            let count = text.utf8.count
            if count <= width { return (text, count) }
            return (String(decoding: text.utf8.prefix(budget), as: UTF8.self) + (ellipsis ? "…" : ""), budget + mark)
        }
        if PlainText.isPlain(text) {
            let count = text.unicodeScalars.count
            if count <= width { return (text, count) }
            var cut = String.UnicodeScalarView(text.unicodeScalars.prefix(budget))
            if ellipsis { cut.append("…") }
            return (String(cut), budget + mark)
        }
        let total = text.reduce(0) { $0 + of($1) }
        if total <= width { return (text, total) }
        var result = ""
        var used = 0
        for c in text {
            let w = of(c)
            if used + w > budget { break }
            result.append(c)
            used += w
        }
        if ellipsis { result.append("…") }
        return (result, used + mark)
    }

    /// Truncates, then pads with spaces to exactly `width` columns.
    public static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        guard width > 0 else { return "" }
        let (cut, used) = fitted(text, to: width)
        let gap = String(repeating: " ", count: max(0, width - used))
        return alignRight ? gap + cut : cut + gap
    }
}
