/// One line of a checklist template: what an officer must settle and before which status.
public struct ChecklistItemTemplate: Sendable, Hashable, Decodable {
    /// Stable id kept on the request (`core.legal_basis`, `art29.custodian`); renaming it in the
    /// file makes the old item obsolete on every request, so ids are never reused for other things.
    public var id: String
    public var group: String
    public var label: String
    public var guidance: String
    public var isRequired: Bool
    /// The status the item must be settled before; `nil` when it gates nothing.
    public var gates: RequestStatus?
    /// What every request it applies to must contain (the facts, the legal basis, the six items
    /// of an Art. 29 preservation): it is settled only by being done, never as not applicable.
    public var isAlwaysNeeded: Bool

    public init(id: String, group: String, label: String, guidance: String = "", isRequired: Bool,
                gates: RequestStatus? = nil, isAlwaysNeeded: Bool = false) {
        self.id = id
        self.group = group
        self.label = label
        self.guidance = guidance
        self.isRequired = isRequired
        self.gates = gates
        self.isAlwaysNeeded = isAlwaysNeeded
    }

    static let fieldNames: Set<String> = ["id", "group", "label", "guidance", "required", "gates", "alwaysNeeded"]

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(allowed: Self.fieldNames)
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        id = try container.decode(String.self, forKey: AnyCodingKey(stringValue: "id"))
        group = try container.decode(String.self, forKey: AnyCodingKey(stringValue: "group"))
        label = try container.decode(String.self, forKey: AnyCodingKey(stringValue: "label"))
        guidance = try container.decodeIfPresent(String.self, forKey: AnyCodingKey(stringValue: "guidance")) ?? ""
        isRequired = try container.decode(Bool.self, forKey: AnyCodingKey(stringValue: "required"))
        isAlwaysNeeded = try container.decodeIfPresent(Bool.self, forKey: AnyCodingKey(stringValue: "alwaysNeeded")) ?? false
        let gatesKey = AnyCodingKey(stringValue: "gates")
        if let text = try container.decodeIfPresent(String.self, forKey: gatesKey) {
            guard let status = RequestStatus(rawValue: text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: gatesKey, in: container, debugDescription: "'\(text)' is not a request status")
            }
            gates = status
        } else {
            gates = nil
        }
    }

    /// Checks the id's form and that texts are present; `key` is the item's position (`items[2]`).
    func validate(key: String) throws(ReferenceProblem) {
        guard !id.isEmpty, id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "." })
        else {
            throw ReferenceProblem(
                key: "\(key).id", message: "'\(id)' is not a valid item id (use lower-case letters, digits, '_' and '.')")
        }
        try ReferenceRules.checkText(group, key: "\(key).group")
        try ReferenceRules.checkText(label, key: "\(key).label")
    }

    /// A fresh, open item for a request.
    func instantiate() -> ChecklistItem {
        ChecklistItem(itemID: id, group: group, label: label, guidance: guidance, isRequired: isRequired, gates: gates)
    }
}
