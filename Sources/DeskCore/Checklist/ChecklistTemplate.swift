/// A named set of checklist items and the requests it applies to (direction × request type ×
/// legal basis × urgency), read from `checklists.json`.
///
/// A request's checklist is the union of every matching template's items, in file order, so
/// the core list, the per-type lists and the emergency list combine without repeating items.
public struct ChecklistTemplate: Sendable, Hashable, Decodable {
    public var id: String
    public var label: String
    public var criteria: RequestCriteria
    public var items: [ChecklistItemTemplate]

    public init(id: String, label: String, criteria: RequestCriteria, items: [ChecklistItemTemplate]) {
        self.id = id
        self.label = label
        self.criteria = criteria
        self.items = items
    }
}

extension ChecklistTemplate: ReferenceEntry {
    static let listKey = "templates"
    static let fieldNames: Set<String> = RequestCriteria.fieldNames.union(["id", "label", "items"])
    static let idField = "id"
    var idValue: String { id }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        id = try container.decode(String.self, forKey: AnyCodingKey(stringValue: "id"))
        label = try container.decode(String.self, forKey: AnyCodingKey(stringValue: "label"))
        criteria = try RequestCriteria(from: decoder)
        items = try container.decode([ChecklistItemTemplate].self, forKey: AnyCodingKey(stringValue: "items"))
    }

    func validate() throws(ReferenceProblem) {
        try ReferenceRules.checkID(id, key: "id")
        try ReferenceRules.checkText(label, key: "label")
        guard !items.isEmpty else { throw ReferenceProblem(key: "items", message: "has no items") }
        var firstIndex: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            try item.validate(key: "items[\(index)]")
            if let first = firstIndex[item.id] {
                throw ReferenceProblem(key: "items[\(index)].id", message: "duplicate '\(item.id)' (first at items[\(first)])")
            }
            firstIndex[item.id] = index
        }
    }
}
