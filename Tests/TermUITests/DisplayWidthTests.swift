import Testing
import TermUI

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneColumnPerCharacter() {
        #expect(DisplayWidth.of("Request 42") == 10)
    }

    @Test func cjkAndFullwidthAreTwoColumns() {
        #expect(DisplayWidth.of("東京") == 4)
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("ＡＢ") == 4)
    }

    @Test func emojiAreTwoColumns() {
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of(Character("❤\u{FE0F}")) == 2)
        #expect(DisplayWidth.of("🇩🇪") == 2)
    }

    /// ncurses keeps one character that takes columns per cell, so a joined sequence is drawn
    /// as its emoji side by side, without the joiners, and measured so.
    @Test func zwjSequenceIsDrawnAsItsEmoji() {
        let family = "👨\u{200D}👩\u{200D}👧"
        #expect(family.count == 1)
        #expect(DisplayWidth.of(family) == 6)
        #expect(DisplayWidth.parts(of: Character(family)) == ["👨", "👩", "👧"])
    }

    /// A conjunct is one grapheme of two letters; a terminal gives each letter its column.
    @Test func aConjunctTakesTheColumnsOfItsLetters() {
        let conjunct = Character("\u{915}\u{94D}\u{937}")
        #expect(DisplayWidth.of(conjunct) == 2)
        #expect(DisplayWidth.parts(of: conjunct) == ["\u{915}\u{94D}", "\u{937}"])
        #expect(DisplayWidth.of("नमस्ते") == 4)
        #expect(DisplayWidth.parts(of: Character("e\u{301}")) == nil)
        #expect(DisplayWidth.parts(of: Character("🇩🇪")) == nil, "a flag stays whole")
    }

    @Test func combiningMarksTakeNoColumn() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("Mu\u{308}nchen") == 7)
        #expect(DisplayWidth.of(Character("\u{301}")) == 0)
    }

    @Test func truncateNeverSplitsAWideGlyph() {
        #expect(DisplayWidth.truncate("東京都", to: 4) == "東…")
        #expect(DisplayWidth.truncate("東京都", to: 4, ellipsis: false) == "東京")
        #expect(DisplayWidth.truncate("東京都", to: 3, ellipsis: false) == "東")
        #expect(DisplayWidth.truncate("short", to: 10) == "short")
        #expect(DisplayWidth.truncate("anything", to: 0) == "")
    }

    @Test func padFillsToExactWidthWithWideGlyphs() {
        #expect(DisplayWidth.pad("東京", to: 5) == "東京 ")
        #expect(DisplayWidth.pad("東京都", to: 5) == "東京…")
        #expect(DisplayWidth.pad("東京都", to: 4) == "東… ")
        #expect(DisplayWidth.pad("7", to: 3, alignRight: true) == "  7")
        for width in 0...8 {
            #expect(DisplayWidth.of(DisplayWidth.pad("東京都abc", to: width)) == width)
        }
    }
}
