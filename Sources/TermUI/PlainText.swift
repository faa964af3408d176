/// Text that needs neither sanitising nor grapheme-by-grapheme measuring: every character is
/// one Unicode scalar that stands alone (no combining mark, joiner or selector can follow it
/// inside the set), is printable, and takes exactly one column.
///
/// Nearly everything a desk draws — references, Latin names with accents, Cyrillic, dates,
/// dashes, the ellipsis, the sort arrows — is plain. Painting a list row costs a few hundred strings; checking
/// them scalar by scalar against these ranges is many times cheaper than looking up Unicode
/// properties for each grapheme, which is what the general path must do.
enum PlainText {
    static func isPlain(_ text: String) -> Bool {
        isASCII(text) || text.unicodeScalars.allSatisfy(isPlain)
    }

    /// Printable ASCII only: one column per byte.
    static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// Printable ASCII, Latin-1 letters and signs (not the soft hyphen), Latin Extended-A/B,
    /// IPA and spacing modifiers, basic Cyrillic (not its combining signs), and general
    /// punctuation from the hyphen to the ellipsis and from per mille to the tie (not the
    /// zero-width, bidi and separator characters around them), arrows, and geometric shapes up
    /// to the last one drawn narrow (not ◽ and ◾, which are emoji).
    static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20..<0x7F, 0xA0..<0xAD, 0xAE...0x2FF, 0x400...0x482, 0x48A...0x52F, 0x2010...0x2027, 0x2030...0x205E,
             0x2190...0x21FF, 0x25A0...0x25FC:
            true
        default:
            false
        }
    }
}
