/// What a type of assistance means and how it is grouped, so that pickers and checklists can
/// explain it without the officer opening the convention.
public struct RequestTypeInfo: Codable, Sendable, Hashable {
    public var id: RequestTypeID
    public var label: String
    public var description: String
    /// A group for lists (`data`, `coercive`, `persons`, `documents`, `assets`, `cooperation`).
    public var category: String
    /// The urgency a request of this type must have, when the type implies one: an emergency
    /// disclosure is asked only where life or safety is at imminent risk, and its deadlines and
    /// chases are an emergency's.
    public var urgency: Urgency?

    public init(id: RequestTypeID, label: String, description: String, category: String, urgency: Urgency? = nil) {
        self.id = id
        self.label = label
        self.description = description
        self.category = category
        self.urgency = urgency
    }
}

extension RequestTypeInfo: ReferenceEntry {
    static let listKey = "requestTypes"
    static let fieldNames: Set<String> = ["id", "label", "description", "category", "urgency"]
    static let idField = "id"
    var idValue: String { id.rawValue }

    func validate() throws(ReferenceProblem) {
        try ReferenceRules.checkID(id.rawValue, key: "id")
        try ReferenceRules.checkText(label, key: "label")
        try ReferenceRules.checkText(description, key: "description")
        try ReferenceRules.checkID(category, key: "category")
    }
}
