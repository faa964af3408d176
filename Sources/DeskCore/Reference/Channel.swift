/// A route a request or its results travel by (central authority, 24/7 network, INTERPOL…).
public struct Channel: Codable, Sendable, Hashable {
    public var id: ChannelID
    public var label: String
    /// False for police channels (INTERPOL, Europol SIENA): what arrives through them is
    /// usually not admissible as evidence, so the desk labels it.
    public var isMLA: Bool

    public init(id: ChannelID, label: String, isMLA: Bool) {
        self.id = id
        self.label = label
        self.isMLA = isMLA
    }
}

extension Channel: ReferenceEntry {
    static let listKey = "channels"
    static let fieldNames: Set<String> = ["id", "label", "isMLA"]
    static let idField = "id"
    var idValue: String { id.rawValue }

    func validate() throws(ReferenceProblem) {
        try ReferenceRules.checkID(id.rawValue, key: "id")
        try ReferenceRules.checkText(label, key: "label")
    }
}

extension ReferenceData {
    /// What every view of an exchange says when it went through a police channel: the domain's
    /// "record it, but label it so". Nil for a channel of mutual legal assistance, or none.
    public func policeChannelWarning(for channel: ChannelID?) -> String? {
        guard let channel, let known = self.channel(channel), !known.isMLA else { return nil }
        return "police channel, not MLA: usually not admissible as evidence"
    }
}
