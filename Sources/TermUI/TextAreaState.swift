/// A multi-line text input as a value with pure editing methods.
///
/// Enter inserts a newline (forms move on with Tab). Up and Down move by visual line in the
/// layout for the given width; at the first or last line they return false so a form can move
/// focus to the neighbouring field.
public struct TextAreaState: Equatable, Sendable {
    public var text: String
    /// Grapheme index, 0...text.count.
    public var cursor: Int
    /// Longest accepted text, in graphemes (newlines count); nil for no limit.
    public var maxLength: Int?

    /// Windows line endings become plain newlines so that every line break is one grapheme.
    public init(_ text: String = "") {
        self.text = text.replacingCRLF
        cursor = self.text.count
    }

    public mutating func handle(_ event: KeyEvent, width: Int) -> Bool {
        var edit = TextEditing(text, cursor: cursor)
        switch event {
        case .char(let c):
            guard TextEditing.isPrintable(c) || c == "\n" else { return false }
            edit.insert(c == "\r\n" ? "\n" : c, maxLength: maxLength)
        case .paste(let text): edit.insert(contentsOf: TextEditing.pasteable(text, multiline: true), maxLength: maxLength)
        case .key(.enter): edit.insert("\n", maxLength: maxLength)
        case .key(.backspace): edit.deleteBackward()
        case .key(.delete): edit.deleteForward()
        case .key(.left): edit.cursor = max(0, edit.cursor - 1)
        case .key(.right): edit.cursor = min(edit.chars.count, edit.cursor + 1)
        case .key(.up), .key(.down):
            let layout = TextAreaLayout(edit.chars, width: width)
            let here = layout.position(of: edit.cursor)
            let row = here.y + (event == .key(.up) ? -1 : 1)
            guard row >= 0, row < layout.lines.count else { return false }
            edit.cursor = layout.index(row: row, column: here.x)
        case .key(.home), .ctrl("a"):
            let layout = TextAreaLayout(edit.chars, width: width)
            edit.cursor = layout.lines[layout.position(of: edit.cursor).y].range.lowerBound
        case .key(.end), .ctrl("e"):
            let layout = TextAreaLayout(edit.chars, width: width)
            edit.cursor = layout.index(row: layout.position(of: edit.cursor).y, column: Int.max)
        case .alt("b"): edit.cursor = edit.wordStart(before: edit.cursor)
        case .alt("f"): edit.cursor = edit.wordEnd(after: edit.cursor)
        case .ctrl("w"): edit.delete(edit.wordStart(before: edit.cursor)..<edit.cursor)
        case .ctrl("u"): edit.delete(lineStart(edit)..<edit.cursor)
        case .ctrl("k"): edit.delete(edit.cursor..<lineEnd(edit))
        default: return false
        }
        text = edit.text
        cursor = edit.cursor
        return true
    }

    private func lineStart(_ edit: TextEditing) -> Int {
        var i = edit.cursor
        while i > 0, !edit.chars[i - 1].isNewline { i -= 1 }
        return i
    }

    private func lineEnd(_ edit: TextEditing) -> Int {
        var i = edit.cursor
        while i < edit.chars.count, !edit.chars[i].isNewline { i += 1 }
        return i
    }

    /// The text wrapped to `width` columns, one string per visual line (trailing spaces kept off).
    public func wrappedLines(width: Int) -> [String] {
        let layout = TextAreaLayout(Array(text), width: width)
        return layout.lines.indices.map { row in
            var line = layout.text(ofRow: row)
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// The cursor's row and display column in the wrapped layout.
    public func cursorPosition(width: Int) -> Point {
        let chars = Array(text)
        return TextAreaLayout(chars, width: width).position(of: min(max(0, cursor), chars.count))
    }
}

extension String {
    var replacingCRLF: String {
        String(map { $0 == "\r\n" ? "\n" : $0 })
    }
}
