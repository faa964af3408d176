import Foundation

/// Writes the compact canonical form of ``DeskJSON`` — sorted keys, slashes unescaped, instants
/// as ``DeskJSON/formatInstant(_:)`` — with a lean `Encoder` of its own, byte for byte what
/// `DeskJSON.encoder()` writes.
///
/// Every audited record is encoded on every save, about fifteen times per request when loading
/// in bulk, and Foundation's `JSONEncoder` was most of that time. Stored records and their
/// audit hashes depend on the exact bytes, so this writer covers only what the desk's records
/// hold (strings, integers, booleans, instants, objects, arrays, null) and hands any value with
/// something else in it (floating point, `Data`, `URL`, `Decimal`) whole to Foundation's encoder.
enum CanonicalJSONEncoder {
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let storage = NodeStorage()
        let node: JSONNode
        do {
            node = try storage.node(for: value)
        } catch is UnsupportedValue {
            return try DeskJSON.encoder().encode(value)
        }
        var output: [UInt8] = []
        output.reserveCapacity(storage.bytes.count + 256)
        storage.write(node, into: &output)
        return Data(output)
    }
}

/// Thrown inside the writer for a value it leaves to Foundation; never escapes ``CanonicalJSONEncoder``.
private struct UnsupportedValue: Error {}

/// A value being encoded: a finished literal (a range of ``NodeStorage/bytes``), an object or an
/// array still open to additions, or an encoder handed out whose value is read when writing.
private enum JSONNode {
    case literal(Range<Int>)
    case object(ObjectNode)
    case array(ArrayNode)
    case pending(NodeEncoder)
}

private final class ObjectNode {
    var keys: [String] = []
    var values: [JSONNode] = []

    func set(_ key: String, _ value: JSONNode) {
        keys.append(key)
        values.append(value)
    }
}

private final class ArrayNode {
    var items: [JSONNode] = []
}

/// The literals of one encoding, written once into one buffer, and the final assembly.
private final class NodeStorage {
    var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(1024)
    }

    func literal(_ text: StaticString) -> JSONNode {
        let start = bytes.count
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
        return .literal(start..<bytes.count)
    }

    func literal<I: BinaryInteger>(integer value: I) -> JSONNode {
        let start = bytes.count
        bytes.append(contentsOf: String(value).utf8)
        return .literal(start..<bytes.count)
    }

    func literal(string: String) -> JSONNode {
        let start = bytes.count
        Self.appendQuoted(string, to: &bytes)
        return .literal(start..<bytes.count)
    }

    /// The node of any value: instants and strings directly, values Foundation's encoder treats
    /// specially refused, everything else through its own `encode(to:)`.
    func node<T: Encodable>(for value: T) throws -> JSONNode {
        if T.self == Date.self, let date = value as? Date {
            let start = bytes.count
            DeskJSON.appendQuotedInstant(date, to: &bytes)
            return .literal(start..<bytes.count)
        }
        if T.self == String.self, let string = value as? String {
            return literal(string: string)
        }
        if T.self == UUID.self, let uuid = value as? UUID {
            return literal(string: uuid.text)
        }
        if T.self == Data.self || T.self == URL.self || T.self == Decimal.self || T.self == Double.self
            || T.self == Float.self {
            throw UnsupportedValue()
        }
        let encoder = NodeEncoder(storage: self)
        try value.encode(to: encoder)
        return encoder.node ?? .object(ObjectNode())
    }

    func write(_ node: JSONNode, into output: inout [UInt8]) {
        switch node {
        case let .literal(range):
            output.append(contentsOf: bytes[range])
        case let .object(object):
            output.append(UInt8(ascii: "{"))
            var first = true
            for index in Self.sortedLastOfEachKey(object.keys) {
                if !first { output.append(UInt8(ascii: ",")) }
                first = false
                Self.appendQuoted(object.keys[index], to: &output)
                output.append(UInt8(ascii: ":"))
                write(object.values[index], into: &output)
            }
            output.append(UInt8(ascii: "}"))
        case let .array(array):
            output.append(UInt8(ascii: "["))
            for (index, item) in array.items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(item, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case let .pending(encoder):
            write(encoder.node ?? .object(ObjectNode()), into: &output)
        }
    }

    /// Indices of `keys` in UTF-8 byte order, as Foundation sorts them; a key set twice keeps
    /// its last value, as in Foundation's dictionary of members.
    ///
    /// Keys are compared by their first eight bytes as one integer, and in full only when those
    /// are equal: comparing `utf8` views byte by byte was a fifth of encoding a record. A record's
    /// dozen keys are put in order by insertion, without the closures of a library sort. Keys are
    /// told apart by their bytes: two spellings of one key that Unicode holds equivalent (`é`
    /// and `e` with a combining accent) are two keys here and one in Foundation's dictionary; no
    /// record sets a key twice.
    private static func sortedLastOfEachKey(_ keys: [String]) -> [Int] {
        let prefixes = keys.map(leadingBytes)
        func precedes(_ left: Int, _ right: Int) -> Bool {
            if prefixes[left] != prefixes[right] { return prefixes[left] < prefixes[right] }
            return keys[left] == keys[right] ? left < right : keys[left].utf8.lexicographicallyPrecedes(keys[right].utf8)
        }
        var order = Array(keys.indices)
        if order.count > 32 {
            order.sort(by: precedes)
        } else {
            for position in order.indices.dropFirst() {
                let index = order[position]
                var slot = position
                while slot > 0, precedes(index, order[slot - 1]) {
                    order[slot] = order[slot - 1]
                    slot -= 1
                }
                order[slot] = index
            }
        }
        var lastOfEach: [Int] = []
        lastOfEach.reserveCapacity(order.count)
        for (position, index) in order.enumerated() {
            if position + 1 < order.count {
                let next = order[position + 1]
                if prefixes[next] == prefixes[index] && keys[next] == keys[index] { continue }
            }
            lastOfEach.append(index)
        }
        return lastOfEach
    }

    /// The first eight UTF-8 bytes of `key`, big-endian, zeros after its end: ordered as the
    /// keys are, except that keys alike in those bytes compare equal.
    private static func leadingBytes(_ key: String) -> UInt64 {
        var key = key
        return key.withUTF8 { bytes in
            var value: UInt64 = 0
            for index in 0..<min(8, bytes.count) {
                value |= UInt64(bytes[index]) << (56 - 8 * UInt64(index))
            }
            return value
        }
    }

    /// `text` in quotes, escaped as Foundation escapes it: quote, backslash and the controls
    /// below U+0020 (`\b \t \n \f \r` by name, the rest as `\u00xx`); everything else as is,
    /// copied in runs.
    static func appendQuoted(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                appendEscaped(byte, to: &output)
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func appendEscaped(_ byte: UInt8, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\\"))
        switch byte {
        case 0x08: output.append(UInt8(ascii: "b"))
        case 0x09: output.append(UInt8(ascii: "t"))
        case 0x0A: output.append(UInt8(ascii: "n"))
        case 0x0C: output.append(UInt8(ascii: "f"))
        case 0x0D: output.append(UInt8(ascii: "r"))
        case 0..<0x20:
            output.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                       Hex.lowerDigits[Int(byte >> 4)], Hex.lowerDigits[Int(byte & 0xF)]])
        default: output.append(byte)
        }
    }
}

/// The `Encoder` handed to `encode(to:)`; it is also its own single-value container.
private final class NodeEncoder: Encoder, SingleValueEncodingContainer {
    let storage: NodeStorage
    var node: JSONNode?
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(storage: NodeStorage) {
        self.storage = storage
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case let .object(object) = node {
            return KeyedEncodingContainer(KeyedNodeContainer(object: object, storage: storage))
        }
        let object = ObjectNode()
        node = .object(object)
        return KeyedEncodingContainer(KeyedNodeContainer(object: object, storage: storage))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if case let .array(array) = node {
            return UnkeyedNodeContainer(array: array, storage: storage)
        }
        let array = ArrayNode()
        node = .array(array)
        return UnkeyedNodeContainer(array: array, storage: storage)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { self }

    func encodeNil() throws { node = storage.literal("null") }
    func encode(_ value: Bool) throws { node = storage.literal(value ? "true" : "false") }
    func encode(_ value: String) throws { node = storage.literal(string: value) }
    func encode(_ value: Double) throws { throw UnsupportedValue() }
    func encode(_ value: Float) throws { throw UnsupportedValue() }
    func encode(_ value: Int) throws { node = storage.literal(integer: value) }
    func encode(_ value: Int8) throws { node = storage.literal(integer: value) }
    func encode(_ value: Int16) throws { node = storage.literal(integer: value) }
    func encode(_ value: Int32) throws { node = storage.literal(integer: value) }
    func encode(_ value: Int64) throws { node = storage.literal(integer: value) }
    func encode(_ value: UInt) throws { node = storage.literal(integer: value) }
    func encode(_ value: UInt8) throws { node = storage.literal(integer: value) }
    func encode(_ value: UInt16) throws { node = storage.literal(integer: value) }
    func encode(_ value: UInt32) throws { node = storage.literal(integer: value) }
    func encode(_ value: UInt64) throws { node = storage.literal(integer: value) }
    func encode<T: Encodable>(_ value: T) throws { node = try storage.node(for: value) }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: ObjectNode
    let storage: NodeStorage
    var codingPath: [CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { object.set(key.stringValue, storage.literal("null")) }
    mutating func encode(_ value: Bool, forKey key: Key) throws {
        object.set(key.stringValue, storage.literal(value ? "true" : "false"))
    }
    mutating func encode(_ value: String, forKey key: Key) throws { object.set(key.stringValue, storage.literal(string: value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { throw UnsupportedValue() }
    mutating func encode(_ value: Float, forKey key: Key) throws { throw UnsupportedValue() }
    mutating func encode(_ value: Int, forKey key: Key) throws { object.set(key.stringValue, storage.literal(integer: value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { object.set(key.stringValue, storage.literal(integer: value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { object.set(key.stringValue, storage.literal(integer: value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { object.set(key.stringValue, storage.literal(integer: value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { object.set(key.stringValue, storage.literal(integer: value)) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { object.set(key.stringValue, storage.literal(integer: value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { object.set(key.stringValue, storage.literal(integer: value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { object.set(key.stringValue, storage.literal(integer: value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { object.set(key.stringValue, storage.literal(integer: value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { object.set(key.stringValue, storage.literal(integer: value)) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        object.set(key.stringValue, try storage.node(for: value))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectNode()
        object.set(key.stringValue, .object(nested))
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(object: nested, storage: storage))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        let nested = ArrayNode()
        object.set(key.stringValue, .array(nested))
        return UnkeyedNodeContainer(array: nested, storage: storage)
    }

    mutating func superEncoder() -> Encoder { superEncoder(named: "super") }
    mutating func superEncoder(forKey key: Key) -> Encoder { superEncoder(named: key.stringValue) }

    private func superEncoder(named name: String) -> Encoder {
        let encoder = NodeEncoder(storage: storage)
        object.set(name, .pending(encoder))
        return encoder
    }
}

private struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let array: ArrayNode
    let storage: NodeStorage
    var codingPath: [CodingKey] { [] }
    var count: Int { array.items.count }

    mutating func encodeNil() throws { array.items.append(storage.literal("null")) }
    mutating func encode(_ value: Bool) throws { array.items.append(storage.literal(value ? "true" : "false")) }
    mutating func encode(_ value: String) throws { array.items.append(storage.literal(string: value)) }
    mutating func encode(_ value: Double) throws { throw UnsupportedValue() }
    mutating func encode(_ value: Float) throws { throw UnsupportedValue() }
    mutating func encode(_ value: Int) throws { array.items.append(storage.literal(integer: value)) }
    mutating func encode(_ value: Int8) throws { array.items.append(storage.literal(integer: value)) }
    mutating func encode(_ value: Int16) throws { array.items.append(storage.literal(integer: value)) }
    mutating func encode(_ value: Int32) throws { array.items.append(storage.literal(integer: value)) }
    mutating func encode(_ value: Int64) throws { array.items.append(storage.literal(integer: value)) }
    mutating func encode(_ value: UInt) throws { array.items.append(storage.literal(integer: value)) }
    mutating func encode(_ value: UInt8) throws { array.items.append(storage.literal(integer: value)) }
    mutating func encode(_ value: UInt16) throws { array.items.append(storage.literal(integer: value)) }
    mutating func encode(_ value: UInt32) throws { array.items.append(storage.literal(integer: value)) }
    mutating func encode(_ value: UInt64) throws { array.items.append(storage.literal(integer: value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { array.items.append(try storage.node(for: value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = ObjectNode()
        array.items.append(.object(nested))
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(object: nested, storage: storage))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let nested = ArrayNode()
        array.items.append(.array(nested))
        return UnkeyedNodeContainer(array: nested, storage: storage)
    }

    mutating func superEncoder() -> Encoder {
        let encoder = NodeEncoder(storage: storage)
        array.items.append(.pending(encoder))
        return encoder
    }
}
