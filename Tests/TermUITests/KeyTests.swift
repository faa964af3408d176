import Testing
import TermUI

@Suite struct KeyTests {
    @Test(arguments: [
        ("ctrl-s", KeyEvent.ctrl("s")), ("C-s", .ctrl("s")), ("^S", .ctrl("s")), ("Ctrl+S", .ctrl("s")),
        ("F2", .key(.f(2))), ("f12", .key(.f(12))), ("j", .char("j")), ("?", .char("?")),
        ("Enter", .key(.enter)), ("esc", .key(.escape)), ("Tab", .key(.tab)), ("Shift-Tab", .key(.backTab)),
        ("Up", .key(.up)), ("PgDn", .key(.pageDown)), ("pgup", .key(.pageUp)), ("Home", .key(.home)),
        ("End", .key(.end)), ("Space", .char(" ")), ("Backspace", .key(.backspace)), ("Delete", .key(.delete)),
        ("alt-x", .alt("x")), ("  J  ", .char("J")), ("東", .char("東")),
    ])
    func parsesCommonSpellings(text: String, event: KeyEvent) {
        #expect(KeyChord(parsing: text)?.event == event)
    }

    @Test(arguments: ["", "ctrl-", "ctrl-1", "F0", "F99", "hyper-x", "\u{1B}", "ab", "alt-"])
    func rejectsNonsense(text: String) {
        #expect(KeyChord(parsing: text) == nil)
    }

    @Test func descriptionsAreCanonicalAndRoundTrip() {
        let events: [KeyEvent] = [
            .ctrl("s"), .key(.f(2)), .char("j"), .char("?"), .key(.enter), .key(.escape), .key(.up),
            .key(.down), .key(.left), .key(.right), .key(.pageDown), .key(.pageUp), .char(" "), .key(.tab),
            .key(.backTab), .key(.home), .key(.end), .key(.backspace), .key(.delete), .key(.insert),
            .alt("x"), .char("東"),
        ]
        for event in events {
            let chord = KeyChord(event)
            #expect(KeyChord(parsing: chord.description) == chord, "\(chord)")
        }
        #expect(KeyChord(.ctrl("s")).description == "Ctrl-S")
        #expect(KeyChord(.key(.up)).description == "↑")
        #expect(KeyChord(.key(.pageDown)).description == "PgDn")
        #expect(KeyChord(.char(" ")).description == "Space")
        #expect(KeyChord(.key(.escape)).description == "Esc")
    }
}
