/// The wording shown for an ``Urgency``; the cases themselves are fixed in code because
/// deadlines depend on them, only their explanation is reference data.
public struct UrgencyInfo: Codable, Sendable, Hashable {
    public var urgency: Urgency
    public var label: String
    public var description: String

    public init(urgency: Urgency, label: String, description: String) {
        self.urgency = urgency
        self.label = label
        self.description = description
    }

    private enum CodingKeys: String, CodingKey {
        case urgency = "id"
        case label, description
    }

    /// Names the allowed ids when the file carries an unknown one.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let id = try container.decode(String.self, forKey: .urgency)
        guard let urgency = Urgency(rawValue: id) else {
            let allowed = Urgency.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                forKey: .urgency, in: container, debugDescription: "'\(id)' is not an urgency (\(allowed))")
        }
        self.urgency = urgency
        label = try container.decode(String.self, forKey: .label)
        description = try container.decode(String.self, forKey: .description)
    }
}

extension UrgencyInfo: ReferenceEntry {
    static let listKey = "urgencies"
    static let fieldNames: Set<String> = ["id", "label", "description"]
    static let idField = "id"
    var idValue: String { urgency.rawValue }

    func validate() throws(ReferenceProblem) {
        try ReferenceRules.checkText(label, key: "label")
        try ReferenceRules.checkText(description, key: "description")
    }
}
