/// The local reference of a request: direction prefix, year and a sequence within that year
/// and direction, written `OUT-2026-0042`.
public struct RequestReference: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var direction: Direction
    public var year: Int
    public var sequence: Int

    public init(direction: Direction, year: Int, sequence: Int) {
        self.direction = direction
        self.year = year
        self.sequence = sequence
    }

    /// Parses `OUT-2026-0042` (case-insensitive); `nil` for anything else.
    public init?(_ text: String) {
        if let reference = Self.parseASCII(text.utf8) {
            self = reference
            return
        }
        let parts = text.uppercased().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3,
            let direction = Direction.allCases.first(where: { $0.referencePrefix == parts[0] }),
            parts[1].count == 4, let year = Int(parts[1]),
            !parts[2].isEmpty, parts[2].allSatisfy(\.isASCII), let sequence = Int(parts[2]), sequence > 0
        else { return nil }
        self.init(direction: direction, year: year, sequence: sequence)
    }

    /// The form every stored reference has — ASCII letters, a dash, four digits, a dash and up
    /// to eighteen digits — read byte by byte: the list reads one per row of every page. For
    /// anything else (other scripts, signs, longer numbers) it gives nil and the general parser
    /// decides.
    private static func parseASCII(_ utf8: String.UTF8View) -> RequestReference? {
        let dash = UInt8(ascii: "-")
        guard let firstDash = utf8.firstIndex(of: dash) else { return nil }
        let yearStart = utf8.index(after: firstDash)
        guard let secondDash = utf8[yearStart...].firstIndex(of: dash) else { return nil }
        let prefix = utf8[..<firstDash]
        let yearDigits = utf8[yearStart..<secondDash]
        let sequenceDigits = utf8[utf8.index(after: secondDash)...]
        guard let direction = Direction.allCases.first(where: { isLetters(prefix, caseInsensitively: $0.referencePrefix) }),
            yearDigits.count == 4, let year = number(yearDigits),
            (1...18).contains(sequenceDigits.count), let sequence = number(sequenceDigits), sequence > 0
        else { return nil }
        return RequestReference(direction: direction, year: year, sequence: sequence)
    }

    private static func isLetters(_ bytes: Substring.UTF8View, caseInsensitively upper: String) -> Bool {
        bytes.elementsEqual(upper.utf8) { byte, letter in byte == letter || byte == letter + 0x20 }
    }

    private static func number(_ digits: Substring.UTF8View) -> Int? {
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    public var description: String {
        let digits = String(sequence)
        let padded = String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        return "\(direction.referencePrefix)-\(year)-\(padded)"
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let parsed = RequestReference(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a reference like OUT-2026-0042"))
        }
        self = parsed
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.direction.rawValue, lhs.year, lhs.sequence) < (rhs.direction.rawValue, rhs.year, rhs.sequence)
    }
}
