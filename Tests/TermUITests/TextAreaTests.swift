import Testing
import TermUI

@Suite struct TextAreaTests {
    @Test func wrapsAtSpacesAndKeepsBlankLines() {
        let state = TextAreaState("The quick brown fox\n\njumps")
        #expect(state.wrappedLines(width: 10) == ["The quick", "brown fox", "", "jumps"])
    }

    @Test func hardBreaksLongWordsAndCjkByWidth() {
        let state = TextAreaState("abcdefghij 東京都庁")
        #expect(state.wrappedLines(width: 4) == ["abcd", "efgh", "ij", "東京", "都庁"])
    }

    @Test func cursorPositionFollowsTheWrap() {
        var state = TextAreaState("The quick brown fox")
        #expect(state.cursorPosition(width: 10) == Point(x: 9, y: 1))
        state.cursor = 10
        #expect(state.cursorPosition(width: 10) == Point(x: 0, y: 1))
        state.cursor = 4
        #expect(state.cursorPosition(width: 10) == Point(x: 4, y: 0))
    }

    @Test func upAndDownMoveByVisualLine() {
        var state = TextAreaState("The quick brown fox\n東京")
        state.cursor = 13
        let handled1 = state.handle(.key(.up), width: 10)
        #expect(handled1)
        #expect(state.cursor == 3)
        let handled2 = state.handle(.key(.down), width: 10)
        #expect(handled2)
        #expect(state.cursor == 13)
        let handled3 = state.handle(.key(.down), width: 10)
        #expect(handled3)
        #expect(state.cursorPosition(width: 10) == Point(x: 2, y: 2))
        #expect(state.cursor == 21)
        let handled4 = state.handle(.key(.down), width: 10)
        #expect(!handled4)
        state.cursor = 1
        let handled5 = state.handle(.key(.up), width: 10)
        #expect(!handled5)
    }

    @Test func enterInsertsNewlineAndTabIsLeftToTheForm() {
        var state = TextAreaState("ab")
        state.cursor = 1
        let handled6 = state.handle(.key(.enter), width: 20)
        #expect(handled6)
        #expect(state.text == "a\nb")
        #expect(state.cursorPosition(width: 20) == Point(x: 0, y: 1))
        let handled7 = state.handle(.key(.tab), width: 20)
        #expect(!handled7)
    }

    @Test func crlfIsNormalisedSoLinesAreOneGrapheme() {
        let state = TextAreaState("one\r\ntwo")
        #expect(state.text == "one\ntwo")
        #expect(state.wrappedLines(width: 10) == ["one", "two"])
    }

    @Test func viewScrollsToTheCursorRow() {
        var screen = Screen(width: 10, height: 2)
        let state = TextAreaState("one\ntwo\nthree")
        TextAreaView.render(state, into: &screen, rect: screen.area, focused: true)
        #expect(screen.lines() == ["two", "three"])
        #expect(screen.cursor == Point(x: 5, y: 1))
    }

    @Test func aPasteKeepsItsLinesAndTurnsTabsIntoSpaces() {
        var state = TextAreaState("")
        let handled = state.handle(.paste("Line one\twith tab\r\nLine two\rthree"), width: 40)
        #expect(handled)
        #expect(state.text == "Line one with tab\nLine two\nthree")
    }

    @Test func anUnfocusedAreaShowsItsFirstLines() {
        var screen = Screen(width: 10, height: 2)
        TextAreaView.render(TextAreaState("one\ntwo\nthree"), into: &screen, rect: screen.area, focused: false)
        #expect(screen.lines() == ["one", "two"])
    }

    @Test func wordWrapKeepsBlankLinesAndSanitises() {
        #expect(WordWrap.wrap("a b c d", width: 3) == ["a b", "c d"])
        #expect(WordWrap.wrap("x\n\ny", width: 5) == ["x", "", "y"])
        #expect(WordWrap.wrap("\u{1B}[2J", width: 10) == ["^[[2J"])
        #expect(WordWrap.wrap("anything", width: 0).isEmpty)
    }
}
