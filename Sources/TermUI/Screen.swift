/// One frame as a grid of cells: what every view draws into and what tests compare.
///
/// A screen is a plain value, so a frame can be rendered, copied, diffed and asserted on without a
/// terminal. Drawing never fails: anything outside the grid is clipped, and every string is passed
/// through ``Sanitiser`` so no control character can reach the terminal.
public struct Screen: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// Where the terminal cursor shows; nil hides it.
    public var cursor: Point?
    private var cells: [Cell]

    /// A negative or zero width or height gives an empty (0×0) screen on which every drawing call is a no-op.
    public init(width: Int, height: Int) {
        let isEmpty = width <= 0 || height <= 0
        self.width = isEmpty ? 0 : width
        self.height = isEmpty ? 0 : height
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at a position; outside the grid, a blank cell.
    public subscript(x: Int, y: Int) -> Cell {
        guard contains(x: x, y: y) else { return .blank }
        return cells[y * width + x]
    }

    /// The cells of row `y` (empty outside the grid), for terminals that paint row by row.
    public func row(_ y: Int) -> ArraySlice<Cell> {
        guard y >= 0, y < height else { return [] }
        return cells[(y * width)..<((y + 1) * width)]
    }

    private func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height
    }

    /// Draws text at (x, y), clipped to `maxWidth` display columns (default: to the right edge)
    /// and to the screen. The text is sanitised first. Wide glyphs take two cells; one that would
    /// be cut by the clip edge is replaced by a space. Returns the display columns advanced from
    /// `x`, whether or not row `y` is on screen.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: StyleRole = .normal, maxWidth: Int? = nil) -> Int {
        let limit = maxWidth.map { x + max(0, $0) } ?? width
        let clipEnd = min(limit, width)
        if PlainText.isPlain(text) { return putPlain(text, x: x, y: y, role: role, clipEnd: clipEnd) }
        let safe = Sanitiser.visible(text)
        if PlainText.isPlain(safe) { return putPlain(safe, x: x, y: y, role: role, clipEnd: clipEnd) }
        let onScreen = y >= 0 && y < height
        var col = x
        /// Draws one cell's text `w` columns wide at `col`; false once the clip is reached.
        func place(_ text: String, _ w: Int) -> Bool {
            if w == 0 {
                if onScreen, col > x, col - 1 >= 0, col - 1 < width { appendToCell(before: col, y: y, text) }
                return true
            }
            if col + w > clipEnd {
                if col < clipEnd {
                    if onScreen { write(" ", x: col, y: y, role: role) }
                    col += 1
                }
                return false
            }
            if onScreen {
                if w == 2 {
                    if col < 0 {
                        write(" ", x: col + 1, y: y, role: role)
                    } else {
                        writeWide(text, x: col, y: y, role: role)
                    }
                } else {
                    write(text, x: col, y: y, role: role)
                }
            }
            col += w
            return true
        }
        drawing: for c in safe {
            if let parts = DisplayWidth.parts(of: c) {
                for part in parts where !place(part, DisplayWidth.of(part: part)) { break drawing }
            } else if !place(String(c), DisplayWidth.of(c)) {
                break
            }
        }
        return col - x
    }

    /// ``put(_:x:y:role:maxWidth:)`` for plain text (which needs no sanitising): one scalar per
    /// cell, each one column wide, so no grapheme needs breaking out or measuring. The cells are
    /// written as one run, so only the wide glyphs at its two ends can need repairing.
    private mutating func putPlain(_ text: String, x: Int, y: Int, role: StyleRole, clipEnd: Int) -> Int {
        let onScreen = y >= 0 && y < height
        let asciiTexts = Self.asciiTexts
        var col = x
        var wroteAny = false
        for scalar in text.unicodeScalars {
            guard col < clipEnd else { break }
            if onScreen && col >= 0 {
                if !wroteAny {
                    wroteAny = true
                    if cells[y * width + col].isContinuation, col > 0 { cells[y * width + col - 1].text = " " }
                }
                let value = Int(scalar.value)
                cells[y * width + col] = Cell(
                    text: value < asciiTexts.count ? asciiTexts[value] : String(Character(scalar)), role: role)
            }
            col += 1
        }
        if wroteAny, col < width, cells[y * width + col].isContinuation {
            cells[y * width + col].text = " "
        }
        return col - x
    }

    /// One string per ASCII scalar, made once: most cells hold one of them.
    private static let asciiTexts: [String] = (0..<0x80).map { String(Character(Unicode.Scalar(UInt8($0)))) }

    /// Writes one narrow cell, repairing any wide glyph it cuts in half.
    private mutating func write(_ text: String, x: Int, y: Int, role: StyleRole) {
        guard contains(x: x, y: y) else { return }
        let i = y * width + x
        breakWideGlyphs(from: x, through: x, y: y)
        cells[i] = Cell(text: text, role: role)
    }

    private mutating func writeWide(_ text: String, x: Int, y: Int, role: StyleRole) {
        let i = y * width + x
        breakWideGlyphs(from: x, through: x + 1, y: y)
        cells[i] = Cell(text: text, role: role)
        cells[i + 1] = Cell(text: "", role: role)
    }

    /// Before cells x...last are overwritten, turns the halves of wide glyphs that would be left
    /// orphaned outside that span into spaces.
    private mutating func breakWideGlyphs(from x: Int, through last: Int, y: Int) {
        let rowStart = y * width
        if cells[rowStart + x].isContinuation, x > 0 {
            cells[rowStart + x - 1].text = " "
        }
        if last + 1 < width, cells[rowStart + last + 1].isContinuation {
            cells[rowStart + last + 1].text = " "
        }
    }

    private mutating func appendToCell(before col: Int, y: Int, _ text: String) {
        var i = y * width + col - 1
        if cells[i].isContinuation, col - 2 >= 0 { i -= 1 }
        cells[i].text.append(text)
    }

    /// Fills a rectangle (clipped to the screen) with one character in one role.
    public mutating func fill(_ rect: Rect, role: StyleRole, character: Character = " ") {
        let clipped = rect.intersection(area)
        guard !clipped.isEmpty else { return }
        if character == " " {
            let blank = Cell(text: " ", role: role)
            for y in clipped.y..<clipped.maxY {
                breakWideGlyphs(from: clipped.x, through: clipped.maxX - 1, y: y)
                for x in clipped.x..<clipped.maxX { cells[y * width + x] = blank }
            }
            return
        }
        let glyphWidth = max(1, DisplayWidth.of(Sanitiser.visible(String(character))))
        let line = String(repeating: String(character), count: clipped.width / glyphWidth + 1)
        for y in clipped.y..<clipped.maxY {
            put(line, x: clipped.x, y: y, role: role, maxWidth: clipped.width)
        }
    }

    /// Changes the role of every cell in a rectangle, keeping the text (e.g. to highlight a row).
    public mutating func setRole(_ rect: Rect, role: StyleRole) {
        let clipped = rect.intersection(area)
        guard !clipped.isEmpty else { return }
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { cells[y * width + x].role = role }
        }
    }

    /// Row `y` as text (each wide glyph once), trailing spaces trimmed; "" outside the grid.
    public func rowText(_ y: Int) -> String {
        var text = ""
        for cell in row(y) { text += cell.text }
        while text.last == " " { text.removeLast() }
        return text
    }

    /// Every row as ``rowText(_:)``, top to bottom.
    public func lines() -> [String] {
        (0..<height).map(rowText)
    }

    /// The role at a position; `.normal` outside the grid.
    public func role(atX x: Int, y: Int) -> StyleRole {
        self[x, y].role
    }
}
