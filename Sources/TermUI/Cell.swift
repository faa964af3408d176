/// One terminal column: the grapheme painted there and the role it is painted with.
///
/// A wide glyph occupies two cells: the left cell carries the glyph, the right cell carries the
/// empty string so that a row can be turned back into text without doubling the glyph.
public struct Cell: Equatable, Sendable {
    /// One grapheme cluster; `""` marks the right half of a two-column glyph.
    public var text: String
    public var role: StyleRole

    public init(text: String = " ", role: StyleRole = .normal) {
        self.text = text
        self.role = role
    }

    /// An empty cell: a space in the normal role.
    public static let blank = Cell()

    /// True for the right half of a two-column glyph.
    public var isContinuation: Bool { text.isEmpty }
}
