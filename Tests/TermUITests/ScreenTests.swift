import Testing
import TermUI

@Suite struct ScreenTests {
    @Test func putWritesTextAndReportsColumns() {
        var screen = Screen(width: 10, height: 2)
        let used = screen.put("Hi 東京", x: 1, y: 0, role: .title)
        #expect(used == 7)
        #expect(screen.lines() == [" Hi 東京", ""])
        #expect(screen[4, 0].text == "東")
        #expect(screen[5, 0].text == "")
        #expect(screen.role(atX: 5, y: 0) == .title)
        #expect(screen.role(atX: 0, y: 0) == .normal)
    }

    /// ncurses keeps one character that takes columns per cell: a conjunct's letters and a
    /// joined emoji's parts each get their own cells, so none is dropped when drawn.
    @Test func aGraphemeOfSeveralCharactersTakesACellForEach() {
        var screen = Screen(width: 12, height: 1)
        let used = screen.put("क्षa👩\u{200D}💻b", x: 0, y: 0)
        #expect(used == 8)
        #expect((0..<8).map { screen[$0, 0].text } == ["क्", "ष", "a", "👩", "", "💻", "", "b"])
        #expect(screen.rowText(0) == "क्षa👩💻b")
        let cut = screen.put("xक्ष", x: 9, y: 0, maxWidth: 2)
        #expect(cut == 2 && screen.rowText(0) == "क्षa👩💻b xक्", "a part that does not fit is left out, not the whole grapheme")
    }

    @Test func wideGlyphCutAtRightEdgeBecomesSpace() {
        var screen = Screen(width: 5, height: 1)
        let used = screen.put("ab東京", x: 0, y: 0)
        #expect(screen.rowText(0) == "ab東")
        #expect(used == 5)
        #expect(screen[4, 0].text == " ")
    }

    @Test func wideGlyphCutAtMaxWidthBecomesSpace() {
        var screen = Screen(width: 10, height: 1)
        screen.put("..........", x: 0, y: 0)
        let used = screen.put("東京", x: 0, y: 0, role: .value, maxWidth: 3)
        #expect(used == 3)
        #expect(screen.rowText(0) == "東 .......")
        #expect(screen.role(atX: 2, y: 0) == .value)
        #expect(screen.role(atX: 3, y: 0) == .normal)
    }

    @Test func negativeCoordinatesClipWithoutCrashing() {
        var screen = Screen(width: 6, height: 2)
        screen.put("abcdef", x: -3, y: 0)
        screen.put("東京", x: -1, y: 1)
        screen.put("never", x: 0, y: -1)
        screen.put("never", x: 0, y: 2)
        #expect(screen.lines() == ["def", " 京"])
    }

    @Test func zeroAndNegativeSizedScreensAcceptEverything() {
        for (w, h) in [(0, 0), (-5, 3), (4, -1)] {
            var screen = Screen(width: w, height: h)
            screen.put("hello", x: 0, y: 0)
            screen.fill(Rect(x: -2, y: -2, width: 10, height: 10), role: .selected)
            screen.setRole(screen.area, role: .error)
            #expect(screen.lines().isEmpty)
            #expect(screen[0, 0] == Cell.blank)
        }
    }

    @Test func controlCharactersNeverReachACell() {
        var screen = Screen(width: 20, height: 1)
        screen.put("\u{1B}[2J\u{9B}x", x: 0, y: 0)
        #expect(screen.rowText(0) == "^[[2J<U+009B>x")
    }

    @Test func overwritingHalfAWideGlyphLeavesNoOrphan() {
        var screen = Screen(width: 6, height: 1)
        screen.put("東京", x: 0, y: 0)
        screen.put("x", x: 1, y: 0)
        #expect(screen.rowText(0) == " x京")
        screen.put("y", x: 2, y: 0)
        #expect(screen.rowText(0) == " xy")
    }

    @Test func aPlainRunRepairsTheWideGlyphsItCutsAtBothEnds() {
        var screen = Screen(width: 8, height: 1)
        screen.put("東京東", x: 0, y: 0, role: .value)
        screen.put("ab", x: 1, y: 0)
        #expect(screen.rowText(0) == " ab 東")
        #expect(screen.role(atX: 0, y: 0) == .value)
        #expect(screen.role(atX: 3, y: 0) == .value)
        screen.put("東京東", x: 0, y: 0)
        screen.put("abcd", x: -2, y: 0)
        #expect(screen.rowText(0) == "cd京東")
        screen.put("xyz", x: 5, y: 0, maxWidth: 2)
        #expect(screen.rowText(0) == "cd京 xy")
    }

    @Test func fillAndSetRole() {
        var screen = Screen(width: 4, height: 3)
        screen.put("abcd", x: 0, y: 1)
        screen.setRole(Rect(x: 1, y: 1, width: 2, height: 1), role: .selected)
        #expect(screen.rowText(1) == "abcd")
        #expect(screen.roleLines()[1] == "nssn")
        screen.fill(Rect(x: 2, y: 0, width: 5, height: 5), role: .border, character: "#")
        #expect(screen.lines() == ["  ##", "ab##", "  ##"])
    }

    @Test func comparisonHelperPointsAtTheFirstDifference() {
        var screen = Screen(width: 12, height: 2)
        screen.put("Case 東京", x: 0, y: 0)
        #expect(screen.textDifferences(from: ["Case 東京   ", ""]) == nil)
        let report = screen.textDifferences(from: ["Case 大阪"])
        #expect(report?.contains("row 0, from column 5") == true)
    }

    @Test func rectSplitsClampToTheirParent() {
        let rect = Rect(x: 2, y: 1, width: 10, height: 5)
        #expect(rect.splitTop(2).top == Rect(x: 2, y: 1, width: 10, height: 2))
        #expect(rect.splitTop(9).rest.height == 0)
        #expect(rect.splitBottom(1).bottom == Rect(x: 2, y: 5, width: 10, height: 1))
        #expect(rect.splitLeft(3).rest == Rect(x: 5, y: 1, width: 7, height: 5))
        #expect(rect.inset(by: 3).isEmpty)
        #expect(rect.centered(width: 4, height: 20) == Rect(x: 5, y: 1, width: 4, height: 5))
    }
}
