/// A kind of offence a case is about, for grouping and searching requests; the request itself
/// quotes the national provisions.
public struct OffenceCategory: Codable, Sendable, Hashable {
    public var id: OffenceID
    public var label: String
    /// The substantive Budapest Convention article (`2` to `10`) covering the conduct, where one
    /// does; it tells whether dual criminality is likely between Parties.
    public var budapestArticle: String?

    public init(id: OffenceID, label: String, budapestArticle: String? = nil) {
        self.id = id
        self.label = label
        self.budapestArticle = budapestArticle
    }
}

extension OffenceCategory: ReferenceEntry {
    static let listKey = "offences"
    static let fieldNames: Set<String> = ["id", "label", "budapestArticle"]
    static let idField = "id"
    var idValue: String { id.rawValue }

    func validate() throws(ReferenceProblem) {
        try ReferenceRules.checkID(id.rawValue, key: "id")
        try ReferenceRules.checkText(label, key: "label")
        if let article = budapestArticle, !(2...10).map(String.init).contains(article) {
            throw ReferenceProblem(
                key: "budapestArticle",
                message: "'\(article)' is not a substantive article of the Budapest Convention (2 to 10)")
        }
    }
}
