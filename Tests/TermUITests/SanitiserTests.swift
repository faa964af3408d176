import Testing
import TermUI

@Suite struct SanitiserTests {
    private func hasNoControls(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) }
    }

    @Test func clearScreenSequenceIsShownNotExecuted() {
        let shown = Sanitiser.visible("\u{1B}[2JHello")
        #expect(shown == "^[[2JHello")
        #expect(hasNoControls(shown))
    }

    @Test func oscTitleAndClipboardSequencesAreNeutralised() {
        #expect(Sanitiser.visible("\u{1B}]0;pwned\u{07}") == "^[]0;pwned^G")
        let clipboard = Sanitiser.visible("\u{1B}]52;c;ZWNobyBoaQ==\u{1B}\\")
        #expect(clipboard == "^[]52;c;ZWNobyBoaQ==^[\\")
        #expect(hasNoControls(clipboard))
    }

    @Test func c1ControlsAreShownAsCodePoints() {
        #expect(Sanitiser.visible("a\u{9B}2Jb") == "a<U+009B>2Jb")
        #expect(Sanitiser.visible("\u{85}") == "<U+0085>")
    }

    @Test func carriageReturnBackspaceAndDelete() {
        #expect(Sanitiser.visible("fake\rreal") == "fake^Mreal")
        #expect(Sanitiser.visible("abc\u{08}\u{08}") == "abc^H^H")
        #expect(Sanitiser.visible("x\u{7F}") == "x^?")
        #expect(Sanitiser.visible("a\tb") == "a b")
        #expect(Sanitiser.visible("line1\nline2") == "line1⏎line2")
        #expect(Sanitiser.visible("crlf\r\nend") == "crlf^M⏎end")
    }

    @Test func bidiOverridesAreNamed() {
        #expect(Sanitiser.visible("invoice\u{202E}fdp.exe") == "invoice⟨RLO⟩fdp.exe")
        #expect(Sanitiser.visible("\u{2066}x\u{2069}") == "⟨LRI⟩x⟨PDI⟩")
        #expect(Sanitiser.visible("\u{200F}") == "⟨RLM⟩")
    }

    @Test func zeroWidthCharactersAreNamed() {
        #expect(Sanitiser.visible("pay\u{200B}pal") == "pay⟨ZWSP⟩pal")
        #expect(Sanitiser.visible("\u{FEFF}id") == "⟨BOM⟩id")
        #expect(Sanitiser.visible("a\u{2060}b") == "a⟨WJ⟩b")
        #expect(Sanitiser.visible("a\u{200D}b") == "a⟨ZWJ⟩b")
    }

    @Test func joinersInsideNonASCIIWordsAreSpelling() {
        for name in ["محمدی\u{200C}نژاد", "ශ්\u{200D}රී", "क्\u{200D}ष"] {
            #expect(Sanitiser.visible(name) == name)
        }
        #expect(Sanitiser.visible("OUT\u{200C}-2026") == "OUT⟨ZWNJ⟩-2026")
        #expect(Sanitiser.visible("\u{200D}ශ") == "⟨ZWJ⟩ශ")
    }

    @Test func outputEscapesWhatATerminalObeysOrWhatReordersALine() {
        for value: UInt32 in [0x9B, 0x85, 0x061C, 0x200E, 0x202E, 0x2066, 0x2069, 0x2028] {
            #expect(Sanitiser.mustBeEscaped(Unicode.Scalar(value)!), "U+\(String(value, radix: 16))")
        }
        for value: UInt32 in [0x41, 0xE9, 0x200C, 0x200D, 0x200B, 0xFEFF, 0x6771] {
            #expect(!Sanitiser.mustBeEscaped(Unicode.Scalar(value)!), "U+\(String(value, radix: 16))")
        }
    }

    @Test func emojiZwjSequencesSurvive() {
        let family = "👨\u{200D}👩\u{200D}👧"
        #expect(Sanitiser.visible(family) == family)
    }

    @Test func legitimateTextIsUnchanged() {
        for text in ["Müller", "東京地方検察庁", "e\u{301}", "Ελλάδα", "שלום", "Request #42 — urgent"] {
            #expect(Sanitiser.visible(text) == text)
        }
    }

    @Test func pathologicalCombiningStackIsCapped() {
        let zalgo = "a" + String(repeating: "\u{301}", count: 500) + "b"
        let shown = Sanitiser.visible(zalgo)
        #expect(shown.count == 2)
        #expect(shown.unicodeScalars.count <= 2 + Sanitiser.maxCombiningMarks)
        #expect(DisplayWidth.of(shown) == 2)
    }

    @Test func orphanCombiningMarkGetsABase() {
        #expect(Sanitiser.visible("\u{301}x") == "\u{25CC}\u{301}x")
    }

    @Test func sanitisingTwiceChangesNothing() {
        let once = Sanitiser.visible("\u{1B}[31m\u{202E}\u{9B}\u{200B}\r")
        #expect(Sanitiser.visible(once) == once)
    }
}
