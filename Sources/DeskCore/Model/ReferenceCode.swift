/// A code that names an entry of the reference data (a country, an instrument, a request type…).
///
/// The phantom `Kind` keeps codes of different tables apart at compile time, so a channel code
/// can never be passed where a country is expected, while the stored and written form stays the
/// plain lower-case word (`subscriber_info`, `budapest`, `DE`) that officers type on the command line.
public struct ReferenceCode<Kind: ReferenceKind>: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    CustomStringConvertible, ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The reference table a ``ReferenceCode`` points into; its name appears in error messages.
public protocol ReferenceKind: Sendable {
    static var tableName: String { get }
}

public enum CountryKind: ReferenceKind { public static let tableName = "country" }
public enum InstrumentKind: ReferenceKind { public static let tableName = "legal instrument" }
public enum RequestTypeKind: ReferenceKind { public static let tableName = "request type" }
public enum ChannelKind: ReferenceKind { public static let tableName = "channel" }
public enum OffenceKind: ReferenceKind { public static let tableName = "offence category" }
public enum RefusalGroundKind: ReferenceKind { public static let tableName = "refusal ground" }

/// ISO 3166-1 alpha-2 code of a state, upper case (`DE`, `JP`).
public typealias CountryCode = ReferenceCode<CountryKind>
/// Identifier of a legal instrument (`budapest`, `eio`, `mlat_us_eu`).
public typealias InstrumentID = ReferenceCode<InstrumentKind>
/// Identifier of a type of assistance (`preservation`, `subscriber_info`).
public typealias RequestTypeID = ReferenceCode<RequestTypeKind>
/// Identifier of a transmission channel (`central_authority`, `network_24_7`).
public typealias ChannelID = ReferenceCode<ChannelKind>
/// Identifier of an offence category (`ransomware`, `phishing`).
public typealias OffenceID = ReferenceCode<OffenceKind>
/// Identifier of a ground for refusing assistance (`political_offence`).
public typealias RefusalGroundID = ReferenceCode<RefusalGroundKind>
