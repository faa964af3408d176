/// A file path as the file system has it: bytes, not text.
///
/// Linux file names need not be UTF-8. Keeping the bytes lets the desk open and hash a file
/// whatever its name; ``display`` is what people see, with every byte that is not valid UTF-8
/// shown as `\xNN`, so a hostile name can neither crash nor impersonate another.
public struct RawPath: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    public init(_ path: String) {
        bytes = Array(path.utf8)
    }

    /// The path as text when it is valid UTF-8 (so it can be stored and opened again), else nil.
    public var string: String? {
        String(validating: bytes, as: UTF8.self)
    }

    public var display: String {
        if let string { return string }
        var text = ""
        var index = 0
        while index < bytes.count {
            let length = Self.sequenceLength(bytes[index])
            if length > 0, index + length <= bytes.count,
                let scalar = String(validating: bytes[index..<(index + length)], as: UTF8.self) {
                text += scalar
                index += length
            } else {
                text += "\\x" + String(bytes[index], radix: 16, uppercase: true).leftPadded(to: 2)
                index += 1
            }
        }
        return text
    }

    public var description: String { display }

    public var isAbsolute: Bool { bytes.first == UInt8(ascii: "/") }

    /// The path with `component` added after a slash.
    public func appending(_ component: [UInt8]) -> RawPath {
        if bytes.isEmpty { return RawPath(bytes: component) }
        return RawPath(bytes: bytes.last == UInt8(ascii: "/") ? bytes + component : bytes + [UInt8(ascii: "/")] + component)
    }

    /// The part after the last slash (the whole path when it has none).
    public var lastComponent: RawPath {
        let trimmed = bytes.last == UInt8(ascii: "/") ? Array(bytes.dropLast()) : bytes
        guard let slash = trimmed.lastIndex(of: UInt8(ascii: "/")) else { return RawPath(bytes: trimmed) }
        return RawPath(bytes: Array(trimmed[(slash + 1)...]))
    }

    /// This path relative to `base` when it lies under it, else the whole path.
    public func relative(to base: RawPath) -> RawPath {
        let prefix = base.bytes.last == UInt8(ascii: "/") ? base.bytes : base.bytes + [UInt8(ascii: "/")]
        guard bytes.count > prefix.count, bytes.starts(with: prefix) else { return self }
        return RawPath(bytes: Array(bytes[prefix.count...]))
    }

    public func withCString<T>(_ body: (UnsafePointer<CChar>) throws -> T) rethrows -> T {
        try (bytes.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { try body($0.baseAddress!) }
    }

    /// Byte order, so a folder lists the same way on every machine and locale.
    public static func < (lhs: RawPath, rhs: RawPath) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }

    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0x00..<0x80: 1
        case 0xC2..<0xE0: 2
        case 0xE0..<0xF0: 3
        case 0xF0..<0xF5: 4
        default: 0
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
