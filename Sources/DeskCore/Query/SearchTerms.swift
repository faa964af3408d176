/// What an officer typed to search for, read as the search reads it, so the list, the filter
/// line and the command line agree on what was looked for and what was left out.
///
/// Every term must appear. A word matches as the start of a word, since the list narrows as it
/// is typed; a quoted phrase (`"persuaded about"`) matches its words side by side in that order,
/// and a complete IP address (`203.0.113.7`) matches itself only, not `203.0.113.74`. A word of
/// two ASCII characters — a country code, an initial pair — matches whole words only: as a
/// prefix it matches most of the desk and narrows nothing. A word of one ASCII letter or digit
/// is left out for the same reason, and named in ``tooShort``. Text is folded as the index is
/// (``SearchText``).
public struct SearchTerms: Equatable, Sendable {
    public enum Term: Equatable, Sendable {
        /// Words that must start words, side by side (one, unless a script without spaces made more).
        case prefix(String)
        /// Words that must appear whole, side by side in this order.
        case exact(String)
    }

    public var terms: [Term] = []
    /// Words left out because one character narrows nothing, as typed.
    public var tooShort: [String] = []

    public init(_ text: String) {
        for (piece, quoted) in Self.pieces(text) {
            let words = SearchText.folded(piece).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard words.contains(where: { $0.isLetter || $0.isNumber }) else { continue }
            if quoted {
                terms.append(.exact(words))
                continue
            }
            let ascii = words.allSatisfy(\.isASCII)
            // The index keeps letters and digits only: `c++` and `a.` are the one letter `c` or `a`.
            let runs = words.split { !($0.isLetter || $0.isNumber) }
            if ascii && runs.count == 1 && runs[0].count == 1 {
                tooShort.append(piece)
            } else if (ascii && words.count == 2) || IdentifierFormat.isAddress(piece) {
                terms.append(.exact(words))
            } else {
                terms.append(.prefix(words))
            }
        }
    }

    public var isEmpty: Bool { terms.isEmpty }

    /// The text split at spaces, a double-quoted stretch kept whole (an unclosed quote runs to
    /// the end); each piece says whether it was quoted.
    private static func pieces(_ text: String) -> [(String, Bool)] {
        var pieces: [(String, Bool)] = []
        var current = ""
        var quoted = false
        func close() {
            if !current.isEmpty { pieces.append((current, quoted)) }
            current = ""
        }
        for character in text {
            if character == "\"" {
                close()
                quoted.toggle()
            } else if character.isWhitespace && !quoted {
                close()
            } else {
                current.append(character)
            }
        }
        close()
        return pieces
    }
}
