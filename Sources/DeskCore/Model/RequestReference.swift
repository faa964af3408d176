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
        let parts = text.uppercased().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3,
            let direction = Direction.allCases.first(where: { $0.referencePrefix == parts[0] }),
            parts[1].count == 4, let year = Int(parts[1]),
            !parts[2].isEmpty, parts[2].allSatisfy(\.isASCII), let sequence = Int(parts[2]), sequence > 0
        else { return nil }
        self.init(direction: direction, year: year, sequence: sequence)
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
