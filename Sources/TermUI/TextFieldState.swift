/// A single-line text input as a value with pure editing methods.
///
/// The cursor counts graphemes (what a user sees as one character), so "é" is one step whether
/// it is stored composed or decomposed, and lengths match how forms count characters.
public struct TextFieldState: Equatable, Sendable {
    public var text: String
    /// Grapheme index, 0...text.count.
    public var cursor: Int
    /// Longest accepted text, in graphemes; nil for no limit.
    public var maxLength: Int?

    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    /// Applies an editing key and returns true; returns false for keys a field does not use
    /// (Tab, Enter, Esc, Up, Down…) so the form can act on them.
    ///
    /// Printable characters insert; Backspace, Delete, Left, Right, Home, End; Ctrl-A and Ctrl-E
    /// go home and end; Alt-B and Alt-F move by word; Ctrl-W deletes the word before the cursor,
    /// Ctrl-U deletes to the start, Ctrl-K to the end.
    public mutating func handle(_ event: KeyEvent) -> Bool {
        var edit = TextEditing(text, cursor: cursor)
        switch event {
        case .char(let c):
            guard TextEditing.isPrintable(c), !c.isNewline else { return false }
            edit.insert(c, maxLength: maxLength)
        case .paste(let text): edit.insert(contentsOf: TextEditing.pasteable(text, multiline: false), maxLength: maxLength)
        case .key(.backspace): edit.deleteBackward()
        case .key(.delete): edit.deleteForward()
        case .key(.left): edit.cursor = max(0, edit.cursor - 1)
        case .key(.right): edit.cursor = min(edit.chars.count, edit.cursor + 1)
        case .key(.home), .ctrl("a"): edit.cursor = 0
        case .key(.end), .ctrl("e"): edit.cursor = edit.chars.count
        case .alt("b"): edit.cursor = edit.wordStart(before: edit.cursor)
        case .alt("f"): edit.cursor = edit.wordEnd(after: edit.cursor)
        case .ctrl("w"): edit.delete(edit.wordStart(before: edit.cursor)..<edit.cursor)
        case .ctrl("u"): edit.delete(0..<edit.cursor)
        case .ctrl("k"): edit.delete(edit.cursor..<edit.chars.count)
        default: return false
        }
        text = edit.text
        cursor = edit.cursor
        return true
    }
}
