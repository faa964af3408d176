import Foundation

/// The top-level members of a JSON object as written, each value kept as its raw JSON text.
///
/// Lets the audit say which fields an edit changed by comparing two canonical encodings member
/// by member, without building a Foundation object graph of either (which cost most of a save).
struct JSONMembers {
    private(set) var values: [String: Substring] = [:]

    /// `nil` when `text` is not one JSON object.
    init?(_ text: String) {
        var text = text
        var found: [(key: Range<Int>, value: Range<Int>)] = []
        let readable = text.withUTF8 { bytes in
            var walk = JSONWalk(UnsafeRawBufferPointer(bytes))
            return walk.object { key, walk in
                guard let value = walk.value() else { return false }
                found.append((key, value))
                return true
            } && walk.atEnd
        }
        guard readable else { return nil }
        let utf8 = text.utf8
        func slice(_ range: Range<Int>) -> Substring {
            Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
        }
        for (key, value) in found {
            guard let name = Self.unquoted(slice(key)) else { return nil }
            values[name] = slice(value)
        }
    }

    /// What a raw JSON value says: a string's text unescaped, anything else as written.
    static func display(_ raw: Substring) -> String {
        raw.first == "\"" ? unquoted(raw) ?? String(raw) : String(raw)
    }

    /// A JSON string's text (`raw` with its quotes), unescaped.
    static func unquoted(_ raw: Substring) -> String? {
        guard raw.utf8.contains(UInt8(ascii: "\\")) else { return String(raw.dropFirst().dropLast()) }
        return try? JSONDecoder().decode(String.self, from: Data(raw.utf8))
    }
}
