import Foundation

/// Everything the desk looks up by code: countries, legal instruments, request types, channels,
/// urgencies, offence categories and refusal grounds; and the rules built on them: checklist
/// templates and deadline rules.
///
/// It lives in editable files rather than in code because treaty ratifications, channels and
/// wording change faster than releases, and each desk may need local corrections. Lookups go
/// through dictionaries rebuilt whenever a list changes, so screens can resolve codes per row.
public struct ReferenceData: Sendable, Equatable {
    /// The files that make up the reference data, in the order they are checked.
    public static let requiredFiles = [
        "countries.json", "instruments.json", "request_types.json", "channels.json",
        "urgencies.json", "offences.json", "refusal_grounds.json", "checklists.json", "deadline_rules.json",
    ]

    public var countries: [Country] { didSet { countryIndex = Self.index(countries, by: \.code) } }
    public var instruments: [Instrument] { didSet { instrumentIndex = Self.index(instruments, by: \.id) } }
    public var requestTypes: [RequestTypeInfo] { didSet { requestTypeIndex = Self.index(requestTypes, by: \.id) } }
    public var channels: [Channel] { didSet { channelIndex = Self.index(channels, by: \.id) } }
    public var urgencies: [UrgencyInfo] { didSet { urgencyIndex = Self.index(urgencies, by: \.urgency) } }
    public var offences: [OffenceCategory] { didSet { offenceIndex = Self.index(offences, by: \.id) } }
    public var refusalGrounds: [RefusalGround] { didSet { refusalGroundIndex = Self.index(refusalGrounds, by: \.id) } }
    /// The documentation checklists, combined per request by ``ChecklistBuilder``.
    public var checklistTemplates: [ChecklistTemplate]
    /// The legal time limits and chase intervals, applied by ``RequestDeadlines``.
    public var deadlineRules: [DeadlineRule]

    private var countryIndex: [CountryCode: Country]
    private var instrumentIndex: [InstrumentID: Instrument]
    private var requestTypeIndex: [RequestTypeID: RequestTypeInfo]
    private var channelIndex: [ChannelID: Channel]
    private var urgencyIndex: [Urgency: UrgencyInfo]
    private var offenceIndex: [OffenceID: OffenceCategory]
    private var refusalGroundIndex: [RefusalGroundID: RefusalGround]

    public init(
        countries: [Country], instruments: [Instrument], requestTypes: [RequestTypeInfo], channels: [Channel],
        urgencies: [UrgencyInfo], offences: [OffenceCategory], refusalGrounds: [RefusalGround],
        checklistTemplates: [ChecklistTemplate] = [], deadlineRules: [DeadlineRule] = []
    ) {
        self.countries = countries
        self.instruments = instruments
        self.requestTypes = requestTypes
        self.channels = channels
        self.urgencies = urgencies
        self.offences = offences
        self.refusalGrounds = refusalGrounds
        self.checklistTemplates = checklistTemplates
        self.deadlineRules = deadlineRules
        countryIndex = Self.index(countries, by: \.code)
        instrumentIndex = Self.index(instruments, by: \.id)
        requestTypeIndex = Self.index(requestTypes, by: \.id)
        channelIndex = Self.index(channels, by: \.id)
        urgencyIndex = Self.index(urgencies, by: \.urgency)
        offenceIndex = Self.index(offences, by: \.id)
        refusalGroundIndex = Self.index(refusalGrounds, by: \.id)
    }

    public func country(_ code: CountryCode) -> Country? { countryIndex[code] }
    public func instrument(_ id: InstrumentID) -> Instrument? { instrumentIndex[id] }
    public func requestType(_ id: RequestTypeID) -> RequestTypeInfo? { requestTypeIndex[id] }
    public func channel(_ id: ChannelID) -> Channel? { channelIndex[id] }
    public func urgency(_ urgency: Urgency) -> UrgencyInfo? { urgencyIndex[urgency] }
    public func offence(_ id: OffenceID) -> OffenceCategory? { offenceIndex[id] }
    public func refusalGround(_ id: RefusalGroundID) -> RefusalGround? { refusalGroundIndex[id] }

    /// Decodes and validates the reference files given as file name → bytes. Pure.
    ///
    /// Files are checked in the order of ``requiredFiles`` and the first problem is thrown, so the
    /// same broken folder always gives the same message.
    public static func decode(files: [String: Data]) throws(ReferenceDataError) -> ReferenceData {
        let countries = try ReferenceFileDecoder.entries(Country.self, in: "countries.json", of: files)
        let instruments = try ReferenceFileDecoder.entries(Instrument.self, in: "instruments.json", of: files)
        let requestTypes = try ReferenceFileDecoder.entries(RequestTypeInfo.self, in: "request_types.json", of: files)
        let channels = try ReferenceFileDecoder.entries(Channel.self, in: "channels.json", of: files)
        let urgencies = try ReferenceFileDecoder.entries(UrgencyInfo.self, in: "urgencies.json", of: files)
        try checkAllUrgencies(urgencies, in: "urgencies.json")
        let offences = try ReferenceFileDecoder.entries(OffenceCategory.self, in: "offences.json", of: files)
        let refusalGrounds = try ReferenceFileDecoder.entries(RefusalGround.self, in: "refusal_grounds.json", of: files)
        var data = ReferenceData(
            countries: countries, instruments: instruments, requestTypes: requestTypes, channels: channels,
            urgencies: urgencies, offences: offences, refusalGrounds: refusalGrounds)
        try ReferenceCrossCheck.refusalGrounds(of: instruments, in: "instruments.json", against: data)
        data.checklistTemplates = try ReferenceFileDecoder.entries(ChecklistTemplate.self, in: "checklists.json", of: files)
        try ReferenceCrossCheck.templates(data.checklistTemplates, in: "checklists.json", against: data)
        data.deadlineRules = try ReferenceFileDecoder.entries(DeadlineRule.self, in: "deadline_rules.json", of: files)
        try ReferenceCrossCheck.rules(data.deadlineRules, in: "deadline_rules.json", against: data)
        return data
    }

    /// Deadlines depend on every urgency, so each must be described; unknown ids fail while decoding.
    private static func checkAllUrgencies(_ urgencies: [UrgencyInfo], in name: String) throws(ReferenceDataError) {
        for urgency in Urgency.allCases where !urgencies.contains(where: { $0.urgency == urgency }) {
            let all = Urgency.allCases.map(\.rawValue).joined(separator: ", ")
            throw ReferenceDataError(
                file: name, key: UrgencyInfo.listKey,
                message: "missing '\(urgency.rawValue)' (every urgency must be described: \(all))")
        }
    }

    /// Keeps the first entry for a key; decoded data has no duplicates, edited lists may.
    private static func index<Key: Hashable, Entry>(_ entries: [Entry], by key: KeyPath<Entry, Key>) -> [Key: Entry] {
        Dictionary(entries.map { ($0[keyPath: key], $0) }, uniquingKeysWith: { first, _ in first })
    }
}
