import Foundation

/// The top-level members of a JSON object as written, each value kept as its raw JSON text.
///
/// Lets the audit say which fields an edit changed by comparing two canonical encodings member
/// by member, without building a Foundation object graph of either (which cost most of a save).
struct JSONMembers {
    private(set) var values: [String: Substring] = [:]

    /// `nil` when `text` is not one JSON object.
    init?(_ text: String) {
        var scanner = Scanner(text)
        guard scanner.take(UInt8(ascii: "{")) else { return nil }
        if !scanner.take(UInt8(ascii: "}")) {
            repeat {
                guard let rawKey = scanner.string(), let key = Self.unquoted(rawKey),
                    scanner.take(UInt8(ascii: ":")), let value = scanner.value()
                else { return nil }
                values[key] = value
            } while scanner.take(UInt8(ascii: ","))
            guard scanner.take(UInt8(ascii: "}")) else { return nil }
        }
        guard scanner.atEnd else { return nil }
    }

    /// What a raw JSON value says: a string's text unescaped, anything else as written.
    static func display(_ raw: Substring) -> String {
        raw.first == "\"" ? unquoted(raw) ?? String(raw) : String(raw)
    }

    private static func unquoted(_ raw: Substring) -> String? {
        guard raw.contains("\\") else { return String(raw.dropFirst().dropLast()) }
        return try? JSONDecoder().decode(String.self, from: Data(raw.utf8))
    }

    /// Walks the UTF-8 of JSON text, finding each value's extent without interpreting it. Every
    /// byte it stops at is ASCII punctuation, so its positions are valid indices of the text.
    private struct Scanner {
        let text: String
        var index: String.Index

        init(_ text: String) {
            self.text = text
            index = text.utf8.startIndex
        }

        private var byte: UInt8? { index < text.utf8.endIndex ? text.utf8[index] : nil }

        var atEnd: Bool {
            mutating get {
                skipSpace()
                return byte == nil
            }
        }

        mutating func take(_ wanted: UInt8) -> Bool {
            skipSpace()
            guard byte == wanted else { return false }
            advance()
            return true
        }

        /// A string, quotes included.
        mutating func string() -> Substring? {
            skipSpace()
            guard byte == UInt8(ascii: "\"") else { return nil }
            let start = index
            advance()
            while let current = byte {
                advance()
                if current == UInt8(ascii: "\\") {
                    guard byte != nil else { return nil }
                    advance()
                } else if current == UInt8(ascii: "\"") {
                    return text[start..<index]
                }
            }
            return nil
        }

        /// Any value: a string, or everything up to the `,` or closing bracket at its own depth.
        mutating func value() -> Substring? {
            skipSpace()
            if byte == UInt8(ascii: "\"") { return string() }
            let start = index
            var end = index
            var depth = 0
            while let current = byte {
                switch current {
                case UInt8(ascii: "\""):
                    guard string() != nil else { return nil }
                    end = index
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth == 0 { return start < end ? text[start..<end] : nil }
                    depth -= 1
                case UInt8(ascii: ","):
                    if depth == 0 { return start < end ? text[start..<end] : nil }
                case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                    advance()
                    continue
                default:
                    break
                }
                advance()
                end = index
            }
            return nil
        }

        private mutating func advance() {
            text.utf8.formIndex(after: &index)
        }

        private mutating func skipSpace() {
            while let current = byte,
                current == UInt8(ascii: " ") || current == UInt8(ascii: "\n") || current == UInt8(ascii: "\r")
                    || current == UInt8(ascii: "\t")
            {
                advance()
            }
        }
    }
}
