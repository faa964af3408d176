/// A state as the desk knows it: its ISO code, its name, and the two memberships that decide
/// which legal bases are open (EU instruments, the Budapest Convention).
public struct Country: Codable, Sendable, Hashable {
    public var code: CountryCode
    public var name: String
    /// Member of the European Union (EIO, e-evidence Regulation).
    public var eu: Bool
    /// Party to the Budapest Convention (ETS 185).
    public var budapest: Bool

    public init(code: CountryCode, name: String, eu: Bool = false, budapest: Bool = false) {
        self.code = code
        self.name = name
        self.eu = eu
        self.budapest = budapest
    }

    /// Bound by the EIO Directive (2014/41/EU): the EU Member States but Ireland and Denmark,
    /// which took no part in it; requests between them and the rest go by other instruments.
    public var takesEIO: Bool { eu && code != "IE" && code != "DK" }

    private enum CodingKeys: String, CodingKey {
        case code, name, eu, budapest
    }

    /// `eu` and `budapest` may be left out of the file, meaning `false`.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(CountryCode.self, forKey: .code)
        name = try container.decode(String.self, forKey: .name)
        eu = try container.decodeIfPresent(Bool.self, forKey: .eu) ?? false
        budapest = try container.decodeIfPresent(Bool.self, forKey: .budapest) ?? false
    }
}

extension Country: ReferenceEntry {
    static let listKey = "countries"
    static let fieldNames: Set<String> = ["code", "name", "eu", "budapest"]
    static let idField = "code"
    var idValue: String { code.rawValue }

    func validate() throws(ReferenceProblem) {
        try ReferenceRules.checkCountryCode(code.rawValue, key: "code")
        try ReferenceRules.checkText(name, key: "name")
    }
}
