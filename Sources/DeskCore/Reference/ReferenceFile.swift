/// The shape every reference file shares: `{"version": 1, "note": "…", "countries": [ … ]}`.
///
/// The version comes first so that a file written for another release of the desk is named as
/// such rather than failing on whatever field changed.
struct ReferenceFile<Entry: ReferenceEntry>: Decodable {
    static var supportedVersion: Int { 1 }

    var entries: [Entry]

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        let versionKey = AnyCodingKey(stringValue: "version")
        let version = try container.decode(Int.self, forKey: versionKey)
        guard version == Self.supportedVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: versionKey, in: container,
                debugDescription: "unsupported version \(version) (this desk reads version \(Self.supportedVersion))")
        }
        try decoder.rejectUnknownKeys(allowed: ["version", "note", Entry.listKey])
        _ = try container.decodeIfPresent(String.self, forKey: AnyCodingKey(stringValue: "note"))
        var list = try container.nestedUnkeyedContainer(forKey: AnyCodingKey(stringValue: Entry.listKey))
        var entries: [Entry] = []
        while !list.isAtEnd {
            let element = try list.superDecoder()
            try element.rejectUnknownKeys(allowed: Entry.fieldNames)
            entries.append(try Entry(from: element))
        }
        self.entries = entries
    }
}
