/// Breaks text into lines that fit a width in display columns.
///
/// Breaks after spaces, hard-breaks words longer than a line and keeps blank lines. The same line
/// breaking drives ``TextAreaState``, so an editor and a read-only view wrap identically.
public enum WordWrap {
    /// Wrapped, sanitised lines with trailing spaces removed; no lines when `width` is not positive.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let chars = Array(Sanitiser.visible(String(paragraph)))
            let widths = chars.map(DisplayWidth.of)
            for range in lineRanges(widths: widths, isSpace: chars.map { $0 == " " }, width: width) {
                var line = String(chars[range])
                while line.last == " " { line.removeLast() }
                lines.append(line)
            }
        }
        return lines
    }

    /// Splits one paragraph into line ranges. Spaces stay on the line they end (they may hang
    /// past the width); a glyph wider than the whole line gets a line of its own. Every index
    /// belongs to exactly one range, so editors can map a cursor to a row.
    static func lineRanges(widths: [Int], isSpace: [Bool], width: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var col = 0
        var breakAfterSpace: Int?
        var i = 0
        while i < widths.count {
            if isSpace[i] {
                col += widths[i]
                i += 1
                breakAfterSpace = i
                continue
            }
            if col + widths[i] <= width || i == start {
                col += widths[i]
                i += 1
                continue
            }
            let end = breakAfterSpace.map { $0 > start ? $0 : i } ?? i
            ranges.append(start..<end)
            start = end
            breakAfterSpace = nil
            col = widths[start..<i].reduce(0, +)
        }
        ranges.append(start..<widths.count)
        return ranges
    }
}
