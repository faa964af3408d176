/// A ground on which assistance is refused or postponed, recorded with a refusal so that
/// refusals can be counted and the legal pointer quoted back.
public struct RefusalGround: Codable, Sendable, Hashable {
    public var id: RefusalGroundID
    public var label: String
    /// A short pointer to where the ground is found (`Budapest Art. 27(4)`).
    public var basis: String

    public init(id: RefusalGroundID, label: String, basis: String) {
        self.id = id
        self.label = label
        self.basis = basis
    }
}

extension RefusalGround: ReferenceEntry {
    static let listKey = "refusalGrounds"
    static let fieldNames: Set<String> = ["id", "label", "basis"]
    static let idField = "id"
    var idValue: String { id.rawValue }

    func validate() throws(ReferenceProblem) {
        try ReferenceRules.checkID(id.rawValue, key: "id")
        try ReferenceRules.checkText(label, key: "label")
        try ReferenceRules.checkText(basis, key: "basis")
    }
}
