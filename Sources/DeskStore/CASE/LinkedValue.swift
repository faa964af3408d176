import Foundation

/// A JSON value for writing JSON-LD, whose keys (`@id`, `uco-core:name`) are not Swift names.
indirect enum LinkedValue: Encodable, Equatable, Sendable {
    case string(String)
    case integer(Int64)
    case array([LinkedValue])
    case object([String: LinkedValue])

    /// A typed literal, e.g. `{"@type": "xsd:dateTime", "@value": "…"}`.
    static func typed(_ type: String, _ value: String) -> LinkedValue {
        .object(["@type": .string(type), "@value": .string(value)])
    }

    /// A reference to another node by its `@id`.
    static func reference(_ id: String) -> LinkedValue {
        .object(["@id": .string(id)])
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .string(text): try container.encode(text)
        case let .integer(number): try container.encode(number)
        case let .array(values): try container.encode(values)
        case let .object(members): try container.encode(members)
        }
    }
}
