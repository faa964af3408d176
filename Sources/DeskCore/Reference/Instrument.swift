/// A legal basis a request can rest on (a convention, a directive, a treaty, or none but
/// reciprocity), with the articles officers cite in requests.
public struct Instrument: Codable, Sendable, Hashable {
    /// An article of an instrument, numbered as printed (`29`); paragraphs are cited in the
    /// request text, not listed here.
    public struct Article: Codable, Sendable, Hashable {
        public var number: String
        public var title: String

        public init(number: String, title: String) {
            self.number = number
            self.title = title
        }

        private enum CodingKeys: String, CodingKey {
            case number, title
        }

        public init(from decoder: Decoder) throws {
            try decoder.rejectUnknownKeys(allowed: ["number", "title"])
            let container = try decoder.container(keyedBy: CodingKeys.self)
            number = try container.decode(String.self, forKey: .number)
            title = try container.decode(String.self, forKey: .title)
        }
    }

    public var id: InstrumentID
    public var name: String
    public var shortName: String
    public var articles: [Article]
    public var note: String
    /// False for police-to-police cooperation: its results are usually not admissible as
    /// evidence, so the desk labels requests resting on it.
    public var isMLA: Bool
    /// The only grounds on which a request under the instrument may be refused, where the
    /// instrument lists them (the EIO Directive's Art. 11); nil where the requested state's law
    /// and treaties decide.
    public var refusalGrounds: [RefusalGroundID]?
    /// The same for a request of expedited preservation alone (Budapest Art. 29(5)).
    public var preservationRefusalGrounds: [RefusalGroundID]?

    public init(id: InstrumentID, name: String, shortName: String, articles: [Article] = [], note: String = "",
                isMLA: Bool = true, refusalGrounds: [RefusalGroundID]? = nil,
                preservationRefusalGrounds: [RefusalGroundID]? = nil) {
        self.id = id
        self.name = name
        self.shortName = shortName
        self.articles = articles
        self.note = note
        self.isMLA = isMLA
        self.refusalGrounds = refusalGrounds
        self.preservationRefusalGrounds = preservationRefusalGrounds
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, shortName, articles, note, isMLA, refusalGrounds, preservationRefusalGrounds
    }

    /// `isMLA` may be left out of the file, meaning `true`; `note` may be left out, meaning none.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(InstrumentID.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        shortName = try container.decode(String.self, forKey: .shortName)
        articles = try container.decode([Article].self, forKey: .articles)
        note = try container.decodeIfPresent(String.self, forKey: .note) ?? ""
        isMLA = try container.decodeIfPresent(Bool.self, forKey: .isMLA) ?? true
        refusalGrounds = try container.decodeIfPresent([RefusalGroundID].self, forKey: .refusalGrounds)
        preservationRefusalGrounds = try container.decodeIfPresent([RefusalGroundID].self, forKey: .preservationRefusalGrounds)
    }
}

extension Instrument: ReferenceEntry {
    static let listKey = "instruments"
    static let fieldNames: Set<String> = ["id", "name", "shortName", "articles", "note", "isMLA", "refusalGrounds",
                                          "preservationRefusalGrounds"]
    static let idField = "id"
    var idValue: String { id.rawValue }

    func validate() throws(ReferenceProblem) {
        try ReferenceRules.checkID(id.rawValue, key: "id")
        try ReferenceRules.checkText(name, key: "name")
        try ReferenceRules.checkText(shortName, key: "shortName")
        var firstIndex: [String: Int] = [:]
        for (index, article) in articles.enumerated() {
            try ReferenceRules.checkText(article.number, key: "articles[\(index)].number")
            try ReferenceRules.checkText(article.title, key: "articles[\(index)].title")
            if let first = firstIndex[article.number] {
                throw ReferenceProblem(
                    key: "articles[\(index)].number",
                    message: "duplicate '\(article.number)' (first at articles[\(first)])")
            }
            firstIndex[article.number] = index
        }
    }
}
