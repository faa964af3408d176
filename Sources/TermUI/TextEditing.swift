/// Grapheme-level editing shared by the single- and multi-line editors.
///
/// Works on an array of characters so that one key press is one grapheme, whatever its bytes.
struct TextEditing {
    var chars: [Character]
    var cursor: Int

    init(_ text: String, cursor: Int) {
        chars = Array(text)
        self.cursor = min(max(0, cursor), chars.count)
    }

    var text: String { String(chars) }

    static func isPrintable(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return v >= 0x20 && !(0x7F..<0xA0).contains(v)
    }

    static func isWord(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "_"
    }

    /// Inserts a character; a combining mark merges into the grapheme before the cursor.
    /// Text already over `maxLength` still accepts edits that do not lengthen it.
    mutating func insert(_ c: Character, maxLength: Int?) {
        let head = Array(String(chars[..<cursor]) + String(c))
        let joined = Array(String(head + chars[cursor...]))
        if let maxLength, joined.count > maxLength, joined.count > chars.count { return }
        chars = joined
        cursor = min(head.count, chars.count)
    }

    /// Inserts pasted text, as much of it as `maxLength` leaves room for.
    mutating func insert(contentsOf pasted: String, maxLength: Int?) {
        var pasted = Array(pasted)
        if let maxLength {
            pasted = Array(pasted.prefix(max(0, maxLength - chars.count)))
        }
        guard !pasted.isEmpty else { return }
        let head = Array(String(chars[..<cursor]) + String(pasted))
        chars = Array(String(head + chars[cursor...]))
        cursor = min(head.count, chars.count)
    }

    /// Pasted text as an editor takes it: Windows and old Mac line ends become newlines, which a
    /// single line turns into spaces like tabs; other control characters are dropped.
    static func pasteable(_ text: String, multiline: Bool) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return String(lines.compactMap { c -> Character? in
            if c == "\n" { return multiline ? c : " " }
            if c == "\t" { return " " }
            return isPrintable(c) ? c : nil
        })
    }

    mutating func deleteBackward() {
        guard cursor > 0 else { return }
        chars.remove(at: cursor - 1)
        cursor -= 1
    }

    mutating func deleteForward() {
        guard cursor < chars.count else { return }
        chars.remove(at: cursor)
    }

    func wordStart(before index: Int) -> Int {
        var i = index
        while i > 0, !Self.isWord(chars[i - 1]) { i -= 1 }
        while i > 0, Self.isWord(chars[i - 1]) { i -= 1 }
        return i
    }

    func wordEnd(after index: Int) -> Int {
        var i = index
        while i < chars.count, !Self.isWord(chars[i]) { i += 1 }
        while i < chars.count, Self.isWord(chars[i]) { i += 1 }
        return i
    }

    mutating func delete(_ range: Range<Int>) {
        chars.removeSubrange(range)
        cursor = range.lowerBound
    }
}
