import Testing
import TermUI

@Suite struct TextFieldTests {
    private func field(_ text: String, cursor: Int) -> TextFieldState {
        var state = TextFieldState(text)
        state.cursor = cursor
        return state
    }

    private func type(_ text: String, into state: inout TextFieldState) {
        for c in text { _ = state.handle(.char(c)) }
    }

    @Test func insertsInTheMiddle() {
        var state = field("Mr", cursor: 1)
        type("üll", into: &state)
        #expect(state.text == "Müllr")
        #expect(state.cursor == 4)
        _ = state.handle(.key(.right))
        type("e", into: &state)
        #expect(state.text == "Müllre")
    }

    @Test func backspaceDeleteAndMovement() {
        var state = field("abcd", cursor: 2)
        let handled1 = state.handle(.key(.backspace))
        #expect(handled1)
        #expect(state.text == "acd" && state.cursor == 1)
        let handled2 = state.handle(.key(.delete))
        #expect(handled2)
        #expect(state.text == "ad" && state.cursor == 1)
        _ = state.handle(.ctrl("e"))
        #expect(state.cursor == 2)
        _ = state.handle(.ctrl("a"))
        #expect(state.cursor == 0)
        _ = state.handle(.key(.left))
        #expect(state.cursor == 0)
    }

    @Test func wordMovesAndKills() {
        var state = TextFieldState("mutual legal assistance")
        _ = state.handle(.alt("b"))
        #expect(state.cursor == 13)
        _ = state.handle(.alt("b"))
        #expect(state.cursor == 7)
        _ = state.handle(.alt("f"))
        #expect(state.cursor == 12)
        _ = state.handle(.ctrl("w"))
        #expect(state.text == "mutual  assistance" && state.cursor == 7)
        _ = state.handle(.ctrl("k"))
        #expect(state.text == "mutual " && state.cursor == 7)
        _ = state.handle(.key(.left))
        _ = state.handle(.ctrl("u"))
        #expect(state.text == " " && state.cursor == 0)
    }

    @Test func composedAndDecomposedAccentsAreOneGrapheme() {
        var composed = TextFieldState("caf\u{E9}")
        var decomposed = TextFieldState("cafe\u{301}")
        #expect(composed.cursor == 4 && decomposed.cursor == 4)
        _ = composed.handle(.key(.backspace))
        _ = decomposed.handle(.key(.backspace))
        #expect(composed.text == "caf")
        #expect(decomposed.text == "caf")
    }

    @Test func typingACombiningMarkJoinsThePreviousLetter() {
        var state = TextFieldState("cafe")
        _ = state.handle(.char("\u{301}"))
        #expect(state.text.count == 4)
        #expect(state.cursor == 4)
        #expect(state.text == "caf\u{E9}")
    }

    @Test func cjkIsEditedByGrapheme() {
        var state = TextFieldState("東京都")
        _ = state.handle(.key(.left))
        _ = state.handle(.key(.backspace))
        #expect(state.text == "東都" && state.cursor == 1)
    }

    @Test func maxLengthCountsGraphemes() {
        var state = TextFieldState("東京")
        state.maxLength = 3
        type("都府", into: &state)
        #expect(state.text == "東京都")
        _ = state.handle(.char("\u{301}"))
        #expect(state.text.count == 3)
    }

    @Test func leavesNavigationKeysToTheForm() {
        var state = TextFieldState("x")
        for event: KeyEvent in [.key(.tab), .key(.enter), .key(.escape), .key(.up), .key(.down), .ctrl("s")] {
            let handled3 = state.handle(event)
            #expect(!handled3)
        }
        #expect(state.text == "x")
    }

    @Test func cursorSitsAtTheDisplayColumnAfterCjk() {
        var screen = Screen(width: 20, height: 1)
        let state = field("東京abc", cursor: 3)
        TextFieldView.render(state, into: &screen, rect: Rect(x: 2, y: 0, width: 10, height: 1), focused: true)
        #expect(screen.cursor == Point(x: 2 + 5, y: 0))
        #expect(screen.rowText(0) == "  東京abc")
        #expect(screen.role(atX: 11, y: 0) == .focused)
        #expect(screen.role(atX: 12, y: 0) == .normal)
    }

    @Test func longTextScrollsToKeepTheCursorVisible() {
        var screen = Screen(width: 6, height: 1)
        let state = TextFieldState("一二三四五")
        TextFieldView.render(state, into: &screen, rect: screen.area, focused: true)
        #expect(screen.rowText(0) == "四五")
        #expect(screen.cursor == Point(x: 4, y: 0))
    }

    @Test func aPasteGoesInWholeOnOneLineWithinTheLimit() {
        var state = TextFieldState("ab")
        state.cursor = 1
        let handled = state.handle(.paste("x\ty\r\nz\u{1B}[2J"))
        #expect(handled)
        #expect(state.text == "ax y z[2Jb")
        #expect(state.cursor == 9)
        state.maxLength = 12
        let handledToo = state.handle(.paste("0123456789"))
        #expect(handledToo)
        #expect(state.text.count == 12)
    }

    @Test func anUnfocusedFieldShowsTheStartOfItsText() {
        var screen = Screen(width: 6, height: 1)
        TextFieldView.render(TextFieldState("U.S. Attorney"), into: &screen, rect: screen.area, focused: false)
        #expect(screen.rowText(0) == "U.S. A")
    }

    @Test func unfocusedFieldHidesNoCursorItDoesNotOwn() {
        var screen = Screen(width: 6, height: 1)
        TextFieldView.render(TextFieldState("abc"), into: &screen, rect: screen.area, focused: false)
        #expect(screen.cursor == nil)
        #expect(screen.role(atX: 0, y: 0) == .input)
    }
}
