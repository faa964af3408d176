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
        if value >= 0x20 && value < 0x7F { return scalars.count == 1 ? 1 : widthOfCluster(scalars, first) }
        if value < 0x20 || (value >= 0x7F && value < 0xA0) { return 0 }
        return widthOfCluster(scalars, first)
    }

    private static func widthOfCluster(_ scalars: Character.UnicodeScalarView, _ first: Unicode.Scalar) -> Int {
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
