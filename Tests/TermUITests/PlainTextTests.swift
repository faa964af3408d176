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
            #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) })
        }
        #expect(Sanitiser.visible("ﬁ") == "ﬁ", "the general path keeps a printable ligature")
        #expect(!PlainText.isPlain("e\u{301}"), "a combining accent leaves the shortcut")
        #expect(!PlainText.isPlain("a\u{200B}b"), "a zero-width space leaves the shortcut")
        #expect(!PlainText.isPlain("soft\u{AD}hyphen"))
        #expect(Sanitiser.visible("x\u{202E}y") == "x⟨RLO⟩y")
    }

    @Test func cellsAreCutAsTheGeneralPathCutsThem() {
        let texts = ["", "ab", "Preservation of stored data", "Müller – Ålesund…", "Иванов Сергей", "Updated ▼", "x\u{202E}y", "東京太郎", "evil\u{1B}[2J",
                     "Rene\u{301}e"]
        for text in texts {
            for width in 0...20 {
                let expected = Self.cutByGraphemes(Sanitiser.visible(text), to: width)
                let cell = TableView.fitted(text, to: width)
                #expect(cell.text == expected, "\(text) at \(width)")
                #expect(cell.width == expected.reduce(0) { $0 + DisplayWidth.of($1) }, "\(text) at \(width)")
                #expect(DisplayWidth.truncate(text, to: width, ellipsis: false)
                    == Self.cutByGraphemes(text, to: width, ellipsis: false), "\(text) at \(width), no ellipsis")
            }
        }
    }

    /// The general rule, grapheme by grapheme, as the oracle for the counting shortcuts.
    private static func cutByGraphemes(_ text: String, to width: Int, ellipsis: Bool = true) -> String {
        guard width > 0 else { return "" }
        if text.reduce(0, { $0 + DisplayWidth.of($1) }) <= width { return text }
        var result = ""
        var used = 0
        for c in text {
            let w = DisplayWidth.of(c)
            if used + w > (ellipsis ? width - 1 : width) { break }
            result.append(c)
            used += w
        }
        return ellipsis ? result + "…" : result
    }
}
