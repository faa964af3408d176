import Testing
@testable import TermUI

/// The plain-text shortcut must give exactly what the general path gives, for every character
/// it lets through.
@Suite struct PlainTextTests {
    private static let plainScalars: [Unicode.Scalar] = (0...0x2FFF).compactMap(Unicode.Scalar.init)
        .filter(PlainText.isPlain)

    @Test func everyPlainCharacterIsPrintableStandsAloneAndTakesOneColumn() {
        #expect(Self.plainScalars.count > 1_000)
        for scalar in Self.plainScalars {
            #expect(Sanitiser.token(for: scalar, inEmoji: false) == nil, "U+\(String(scalar.value, radix: 16))")
            #expect(DisplayWidth.of(Character(scalar)) == 1, "U+\(String(scalar.value, radix: 16))")
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark, .format, .control, .lineSeparator, .paragraphSeparator:
                Issue.record("U+\(String(scalar.value, radix: 16)) is not plain")
            default:
                break
            }
        }
        let all = String(String.UnicodeScalarView(Self.plainScalars))
        #expect(all.count == Self.plainScalars.count, "no two plain characters join into one")
    }

    @Test func theShortcutAgreesWithTheGeneralPath() {
        for text in ["Müller – Ålesund…", "Иванов Сергей", "Łódź · Dvořák", "ﬁ"] {
            #expect(Sanitiser.visible(text) == text)
            #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) })
        }
        #expect(!PlainText.isPlain("e\u{301}"), "a combining accent leaves the shortcut")
        #expect(!PlainText.isPlain("a\u{200B}b"), "a zero-width space leaves the shortcut")
        #expect(!PlainText.isPlain("soft\u{AD}hyphen"))
        #expect(Sanitiser.visible("x\u{202E}y") == "x⟨RLO⟩y")
    }

    @Test func tableCellsAreCutAsTheGeneralPathCutsThem() {
        let texts = ["", "ab", "Preservation of stored data", "Müller – Ålesund…", "Иванов Сергей", "Updated ▼", "x\u{202E}y", "東京太郎", "evil\u{1B}[2J",
                     "Rene\u{301}e"]
        for text in texts {
            for width in 0...20 {
                let expected = DisplayWidth.truncate(Sanitiser.visible(text), to: width)
                let cell = TableView.fitted(text, to: width)
                #expect(cell.text == expected, "\(text) at \(width)")
                #expect(cell.width == DisplayWidth.of(expected), "\(text) at \(width)")
            }
        }
    }
}
