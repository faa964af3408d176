import Foundation

/// Where the parts of a request archive lie in its bytes, found without decoding them: the
/// top-level members other than `requests`, and each element of `requests`.
///
/// Decoding 10,000 requests is some 3.5 s of one core; cut at its elements, the archive decodes
/// on every core at once (``RequestArchive/decodeInParallel(_:)``). The walk checks only the
/// structure between the parts — quotes, escapes, brackets, commas, colons — and gives up
/// (`nil`) at anything it does not expect: a repeated top-level key, or one written with
/// escapes (which could name `requests` twice); each part is then checked whole by the decoder.
/// A file it gives up on is decoded as before, in one piece.
struct ArchiveLayout {
    /// The top-level members other than `requests`, as one JSON object.
    var head: Data
    /// The byte ranges of the elements of `requests`, in order.
    var requests: [Range<Int>]

    init?(_ bytes: UnsafeRawBufferPointer) {
        var walk = Walk(bytes: bytes)
        guard walk.take(UInt8(ascii: "{")) else { return nil }
        var head: [UInt8] = [UInt8(ascii: "{")]
        var keys = Set<[UInt8]>()
        var requests: [Range<Int>]?
        if !walk.take(UInt8(ascii: "}")) {
            repeat {
                guard let key = walk.string(), !bytes[key].contains(UInt8(ascii: "\\")),
                    keys.insert(Array(bytes[key])).inserted, walk.take(UInt8(ascii: ":"))
                else { return nil }
                if bytes[key].elementsEqual(Self.requestsKey) {
                    guard let elements = walk.elements() else { return nil }
                    requests = elements
                } else {
                    guard let value = walk.value() else { return nil }
                    if head.count > 1 { head.append(UInt8(ascii: ",")) }
                    head.append(contentsOf: bytes[key])
                    head.append(UInt8(ascii: ":"))
                    head.append(contentsOf: bytes[value])
                }
            } while walk.take(UInt8(ascii: ","))
            guard walk.take(UInt8(ascii: "}")) else { return nil }
        }
        guard walk.atEnd, let requests else { return nil }
        head.append(UInt8(ascii: "}"))
        self.head = Data(head)
        self.requests = requests
    }

    private static let requestsKey = Array(#""requests""#.utf8)

    /// A cursor over the bytes; every method skips white space first and leaves the cursor
    /// after what it read, or returns `nil`.
    private struct Walk {
        let bytes: UnsafeRawBufferPointer
        var index = 0

        var atEnd: Bool {
            mutating get {
                skipSpace()
                return index == bytes.count
            }
        }

        mutating func take(_ wanted: UInt8) -> Bool {
            skipSpace()
            guard index < bytes.count, bytes[index] == wanted else { return false }
            index += 1
            return true
        }

        /// A string, quotes included.
        mutating func string() -> Range<Int>? {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            let start = index
            index += 1
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\\"): index += 2
                case UInt8(ascii: "\""):
                    index += 1
                    return start..<index
                default: index += 1
                }
            }
            return nil
        }

        /// Any value: a string, an object or array up to its closing bracket, or a literal up to
        /// the next delimiter.
        mutating func value() -> Range<Int>? {
            skipSpace()
            guard index < bytes.count else { return nil }
            let start = index
            switch bytes[index] {
            case UInt8(ascii: "\""):
                return string()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                while index < bytes.count {
                    switch bytes[index] {
                    case UInt8(ascii: "\""):
                        guard string() != nil else { return nil }
                        continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["):
                        depth += 1
                        guard depth <= Self.maxDepth else { return nil }
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                        if depth == 0 {
                            index += 1
                            return start..<index
                        }
                    default:
                        break
                    }
                    index += 1
                }
                return nil
            default:
                while index < bytes.count, !Self.isDelimiter(bytes[index]) { index += 1 }
                return start < index ? start..<index : nil
            }
        }

        /// The elements of an array.
        mutating func elements() -> [Range<Int>]? {
            guard take(UInt8(ascii: "[")) else { return nil }
            var elements: [Range<Int>] = []
            if take(UInt8(ascii: "]")) { return elements }
            repeat {
                guard let element = value() else { return nil }
                elements.append(element)
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "]")) ? elements : nil
        }

        /// Deeper than any request goes, far below the decoder's own limit: a part nested near
        /// that limit could pass alone and fail inside the whole file.
        private static let maxDepth = 64

        private mutating func skipSpace() {
            while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
        }

        private static func isSpace(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\t")
        }

        private static func isDelimiter(_ byte: UInt8) -> Bool {
            isSpace(byte) || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]")
                || byte == UInt8(ascii: ":")
        }
    }
}
