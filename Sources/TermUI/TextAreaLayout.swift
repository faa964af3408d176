/// Where each grapheme of a multi-line text lands once wrapped to a width.
///
/// Visual lines are ranges of grapheme indices into the whole text; the newline that ends a
/// logical line belongs to no visual line, so its index maps to the end of that line.
struct TextAreaLayout {
    struct Line {
        var range: Range<Int>
        /// True for the last visual line of a logical line (the cursor may sit at its end).
        var endsParagraph: Bool
    }

    let chars: [Character]
    let widths: [Int]
    let lines: [Line]

    init(_ chars: [Character], width: Int) {
        self.chars = chars
        widths = chars.map { $0.isNewline ? 0 : DisplayWidth.visible($0) }
        var lines: [Line] = []
        var start = 0
        let w = max(1, width)
        for i in 0...chars.count where i == chars.count || chars[i].isNewline {
            let paragraph = start..<i
            let ranges = WordWrap.lineRanges(
                widths: Array(widths[paragraph]), isSpace: chars[paragraph].map { $0 == " " }, width: w
            )
            for (n, range) in ranges.enumerated() {
                let shifted = (range.lowerBound + start)..<(range.upperBound + start)
                lines.append(Line(range: shifted, endsParagraph: n == ranges.count - 1))
            }
            start = i + 1
        }
        self.lines = lines
    }

    /// Row and display column of a grapheme index.
    func position(of index: Int) -> Point {
        for (row, line) in lines.enumerated() {
            let inside = line.range.contains(index) || (line.endsParagraph && index == line.range.upperBound)
            if inside {
                return Point(x: widths[line.range.lowerBound..<index].reduce(0, +), y: row)
            }
        }
        return Point(x: 0, y: max(0, lines.count - 1))
    }

    /// The grapheme index on `row` closest to display column `column` without passing it.
    func index(row: Int, column: Int) -> Int {
        let line = lines[row]
        var col = 0
        for i in line.range {
            if col + widths[i] > column { return i }
            col += widths[i]
        }
        if line.endsParagraph || line.range.isEmpty { return line.range.upperBound }
        return line.range.upperBound - 1
    }

    func text(ofRow row: Int) -> String {
        String(chars[lines[row].range])
    }
}
