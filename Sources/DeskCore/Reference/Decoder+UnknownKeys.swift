extension Decoder {
    /// Fails on a key the type does not know, so that a misspelt field (`"budapst": true`) is
    /// reported instead of silently falling back to a default.
    func rejectUnknownKeys(allowed: Set<String>) throws {
        let container = try container(keyedBy: AnyCodingKey.self)
        let unknown = container.allKeys.map(\.stringValue).filter { !allowed.contains($0) }.sorted()
        guard let first = unknown.first else { return }
        let expected = allowed.sorted().joined(separator: ", ")
        throw DecodingError.dataCorrupted(DecodingError.Context(
            codingPath: codingPath + [AnyCodingKey(stringValue: first)],
            debugDescription: "unknown field (expected one of: \(expected))"
        ))
    }
}
