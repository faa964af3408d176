/// A legal time limit or follow-up interval, read from `deadline_rules.json`.
///
/// Limits change with instruments and national practice (the e-evidence Regulation, EIO
/// extensions, chase intervals), so they are data an administrator can correct, never code.
public struct DeadlineRule: Sendable, Hashable, Decodable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Set by an instrument: missing it loses evidence or breaks the law.
        case legal
        /// A follow-up reminder, used only for requests no legal rule applies to.
        case chase
    }

    public var id: String
    public var label: String
    public var kind: Kind
    public var criteria: RequestCriteria
    public var from: DeadlineAnchor
    /// One deadline per period, counted from the anchor (`["30d", "60d", "90d"]` for chasing).
    public var after: [DeadlinePeriod]
    /// How much longer the limit may be extended, once (EPOC-PR, EIO recognition).
    public var extensionPeriod: DeadlinePeriod?
    /// How long before the deadline the desk starts warning.
    public var warnBefore: DeadlinePeriod?
    /// The deadline stops running once the request has entered any of these (besides final statuses).
    public var until: [RequestStatus]
    /// The deadline is when preserved data may be lost; counted among "preservations expiring".
    public var isPreservationExpiry: Bool
    /// What the officer should do about it ("send the follow-up MLA request").
    public var prompt: String
    /// A chase that runs beside a preservation's expiry: legal deadlines replace the reminders to
    /// chase, but an expiry says nothing of whether the data was preserved, and an emergency
    /// preservation is chased through the 24/7 network after a day.
    public var runsBesidePreservation: Bool

    public init(id: String, label: String, kind: Kind, criteria: RequestCriteria, from: DeadlineAnchor,
                after: [DeadlinePeriod], extensionPeriod: DeadlinePeriod? = nil, warnBefore: DeadlinePeriod? = nil,
                until: [RequestStatus] = [], isPreservationExpiry: Bool = false, prompt: String = "",
                runsBesidePreservation: Bool = false) {
        self.id = id
        self.label = label
        self.kind = kind
        self.criteria = criteria
        self.from = from
        self.after = after
        self.extensionPeriod = extensionPeriod
        self.warnBefore = warnBefore
        self.until = until
        self.isPreservationExpiry = isPreservationExpiry
        self.prompt = prompt
        self.runsBesidePreservation = runsBesidePreservation
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        func key(_ name: String) -> AnyCodingKey { AnyCodingKey(stringValue: name) }
        func bad(_ name: String, _ message: String) -> DecodingError {
            DecodingError.dataCorruptedError(forKey: key(name), in: container, debugDescription: message)
        }
        func period(_ text: String, _ name: String) throws -> DeadlinePeriod {
            guard let period = DeadlinePeriod(text) else {
                throw bad(name, "'\(text)' is not a period (write e.g. 60d for days or 8h for hours, at most \(DeadlinePeriod.longest))")
            }
            return period
        }
        id = try container.decode(String.self, forKey: key("id"))
        label = try container.decode(String.self, forKey: key("label"))
        let kindText = try container.decode(String.self, forKey: key("kind"))
        guard let kind = Kind(rawValue: kindText) else {
            throw bad("kind", "'\(kindText)' is not one of \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.kind = kind
        criteria = try RequestCriteria(from: decoder)
        let fromText = try container.decode(String.self, forKey: key("from"))
        guard let anchor = DeadlineAnchor(fromText) else {
            throw bad("from", "'\(fromText)' is not created, sent_or_received, acknowledged or status:<status>[,<status>…]")
        }
        from = anchor
        after = try container.decode([String].self, forKey: key("after")).map { try period($0, "after") }
        extensionPeriod = try container.decodeIfPresent(String.self, forKey: key("extension")).map { try period($0, "extension") }
        warnBefore = try container.decodeIfPresent(String.self, forKey: key("warnBefore")).map { try period($0, "warnBefore") }
        until = try (container.decodeIfPresent([String].self, forKey: key("until")) ?? []).map { text in
            guard let status = RequestStatus(rawValue: text) else { throw bad("until", "'\(text)' is not a request status") }
            return status
        }
        isPreservationExpiry = try container.decodeIfPresent(Bool.self, forKey: key("preservation")) ?? false
        prompt = try container.decodeIfPresent(String.self, forKey: key("prompt")) ?? ""
        runsBesidePreservation = try container.decodeIfPresent(Bool.self, forKey: key("besidePreservation")) ?? false
    }
}

extension DeadlineRule: ReferenceEntry {
    static let listKey = "rules"
    static let fieldNames: Set<String> = RequestCriteria.fieldNames.union(
        ["id", "label", "kind", "from", "after", "extension", "warnBefore", "until", "preservation", "prompt",
         "besidePreservation"])
    static let idField = "id"
    var idValue: String { id }

    func validate() throws(ReferenceProblem) {
        try ReferenceRules.checkID(id, key: "id")
        try ReferenceRules.checkText(label, key: "label")
        guard !after.isEmpty else { throw ReferenceProblem(key: "after", message: "needs at least one period") }
        for (index, (earlier, later)) in zip(after, after.dropFirst()).enumerated() where later.hours <= earlier.hours {
            throw ReferenceProblem(key: "after[\(index + 1)]", message: "periods must grow (\(later) follows \(earlier))")
        }
    }
}
