/// A cursor over JSON bytes that finds where values begin and end without interpreting them:
/// the top-level members of a stored body (``JSONMembers``), the requests of an archive
/// (``ArchiveLayout``), and every key and number of a file (``JSONDuplicateKeys``, ``JSONNumbers``).
///
/// It checks only the structure it walks — quotes, escapes, brackets, commas, colons, white
/// space — and answers `nil` at anything else; what a value holds is for a decoder to check.
/// Every method skips white space first and leaves the cursor after what it read. Every byte it
/// stops at is ASCII punctuation, so its offsets are character boundaries of the text.
struct JSONWalk {
    let bytes: UnsafeRawBufferPointer
    private(set) var index = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// Deeper than anything the desk writes, far below a decoder's own limit: a part nested
    /// near that limit could pass alone and fail inside a whole file.
    static let maxDepth = 64

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

    /// The members of an object, each handed to `member` with its key (quotes included) and
    /// the walk positioned at its value, which `member` must read; false when the object is
    /// malformed or `member` says so.
    mutating func object(_ member: (_ key: Range<Int>, _ walk: inout JSONWalk) -> Bool) -> Bool {
        guard take(UInt8(ascii: "{")) else { return false }
        if take(UInt8(ascii: "}")) { return true }
        repeat {
            guard let key = string(), take(UInt8(ascii: ":")), member(key, &self) else { return false }
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "}"))
    }

    /// The elements of an array, each handed to `element` with the walk positioned at it, which
    /// `element` must read; false when the array is malformed or `element` says so.
    mutating func array(_ element: (_ walk: inout JSONWalk) -> Bool) -> Bool {
        guard take(UInt8(ascii: "[")) else { return false }
        if take(UInt8(ascii: "]")) { return true }
        repeat {
            guard element(&self) else { return false }
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]"))
    }

    /// Where each element of an array begins and ends.
    mutating func elements() -> [Range<Int>]? {
        var elements: [Range<Int>] = []
        let readable = array { walk in
            guard let element = walk.value() else { return false }
            elements.append(element)
            return true
        }
        return readable ? elements : nil
    }

    /// Reads the next value and everything it holds, depth first: `scalar` hears each string,
    /// number or literal, and `object` each object's keys (quotes included) once its members are
    /// read. Either stops the walk by answering false, as do bytes the walk cannot follow and
    /// nesting deeper than ``maxDepth``.
    mutating func visit(depth: Int = 0, object: ([Range<Int>]) -> Bool, scalar: (Range<Int>) -> Bool) -> Bool {
        guard depth <= Self.maxDepth else { return false }
        switch next() {
        case UInt8(ascii: "{"):
            var keys: [Range<Int>] = []
            return self.object { key, walk in
                keys.append(key)
                return walk.visit(depth: depth + 1, object: object, scalar: scalar)
            } && object(keys)
        case UInt8(ascii: "["):
            return array { walk in walk.visit(depth: depth + 1, object: object, scalar: scalar) }
        default:
            guard let range = value() else { return false }
            return scalar(range)
        }
    }

    /// The first byte of the next value, white space skipped; nil at the end.
    mutating func next() -> UInt8? {
        skipSpace()
        return index < bytes.count ? bytes[index] : nil
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
