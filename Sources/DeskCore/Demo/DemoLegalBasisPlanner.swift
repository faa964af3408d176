/// Chooses the legal basis, the articles and the channel of a demo request the way a liaison
/// officer would: the EIO between EU states that apply it, the Budapest Convention (and its
/// Second Protocol for the cases it was written for) with its Parties, the EU–US agreement with
/// the United States, and treaties or reciprocity elsewhere.
///
/// Instruments, articles and channels missing from the reference data are never cited.
struct DemoLegalBasisPlanner: Sendable {
    /// The e-evidence Regulation applies from 18 August 2026 (00:00 UTC); no order before that.
    static let eEvidenceStart: Int64 = 1_787_011_200

    /// The UN Convention against Cybercrime opened for signature on 25 October 2025 (00:00 UTC);
    /// no request before that cites it.
    static let unCybercrimeSigning: Int64 = 1_761_350_400

    private let articleNumbers: [InstrumentID: Set<String>]
    private let channels: Set<ChannelID>
    private let fallbackInstrument: InstrumentID
    private let typeProfiles: [RequestTypeID: DemoRequestTypeProfile]
    private let treatyChoice = WeightedChoice<InstrumentID>([
        ("bilateral_mlat", 40), ("reciprocity", 20), ("untoc", 20), ("un_cybercrime", 10), ("un_model_treaty", 10),
    ])
    private let eioChannels = WeightedChoice<ChannelID>([
        ("e_edes", 2), ("direct_judicial", 2), ("eurojust_ejn", 1), ("central_authority", 1),
    ])
    private let budapestChannels = WeightedChoice<ChannelID>([
        ("central_authority", 3), ("direct_judicial", 1), ("liaison_magistrate", 1), ("diplomatic", 1),
    ])
    private let treatyChannels = WeightedChoice<ChannelID>([
        ("central_authority", 2), ("diplomatic", 1), ("liaison_magistrate", 1),
    ])

    init(reference: ReferenceData, typeProfiles: [RequestTypeID: DemoRequestTypeProfile]) {
        var numbers: [InstrumentID: Set<String>] = [:]
        for instrument in reference.instruments {
            numbers[instrument.id] = Set(instrument.articles.map(\.number))
        }
        articleNumbers = numbers
        channels = Set(reference.channels.map(\.id))
        fallbackInstrument = reference.instruments.first?.id ?? "reciprocity"
        self.typeProfiles = typeProfiles
    }

    func plan(country: Country, direction: Direction, types: [RequestTypeID], urgency: Urgency, created: Int64,
              using random: inout SeededGenerator) -> (LegalBasis, ChannelID?) {
        var instrument = chooseInstrument(country: country, types: types, urgency: urgency, created: created,
                                          using: &random)
        if articleNumbers[instrument] == nil { instrument = fallbackInstrument }
        let articles = articles(for: instrument, types: types, direction: direction, urgency: urgency,
                                using: &random)
        let channel = chooseChannel(instrument: instrument, country: country, direction: direction, types: types,
                                    urgency: urgency, using: &random)
        return (LegalBasis(instrument: instrument, articles: articles), channel.flatMap { channels.contains($0) ? $0 : nil })
    }

    private func chooseInstrument(country: Country, types: [RequestTypeID], urgency: Urgency, created: Int64,
                                  using random: inout SeededGenerator) -> InstrumentID {
        if random.chance(0.04) { return "police_cooperation" }
        let preservationOnly = types == ["preservation"]
        let allData = types.allSatisfy(Self.dataTypes.contains)
        if country.takesEIO {
            if created >= Self.eEvidenceStart && allData && random.chance(0.5) { return "e_evidence" }
            if preservationOnly && random.chance(0.5) { return "budapest" }
            return "eio"
        }
        if country.code == "US" {
            return preservationOnly || (urgency == .emergency && random.chance(0.5)) ? "budapest" : "mlat_us_eu"
        }
        if country.budapest {
            let protocolCase = types.contains(where: Self.protocolTypes.contains) || types == ["subscriber_info"]
            return protocolCase && random.chance(0.45) ? "budapest_2ap" : "budapest"
        }
        let treaty = treatyChoice.pick(using: &random)
        return treaty == "un_cybercrime" && created < Self.unCybercrimeSigning ? "untoc" : treaty
    }

    private func articles(for instrument: InstrumentID, types: [RequestTypeID], direction: Direction,
                          urgency: Urgency, using random: inout SeededGenerator) -> String {
        guard let known = articleNumbers[instrument], !known.isEmpty else { return "" }
        var cited: Set<String> = []
        for type in types {
            for number in typeProfiles[type]?.articles[instrument.rawValue] ?? [] { cited.insert(number) }
        }
        switch instrument.rawValue {
        case "budapest":
            if types != ["preservation"] || random.chance(0.5) { cited.insert("25") }
            if urgency != .routine && random.chance(0.5) { cited.insert("35") }
            if random.chance(0.15) { cited.insert("28") }
        case "eio" where cited.isEmpty || random.chance(0.3):
            cited.insert("6")
        case "e_evidence" where direction == .incoming:
            cited.insert("8")
        case "untoc":
            cited.insert("18")
        case "un_cybercrime":
            cited.insert("40")
        default:
            break
        }
        let numbers = cited.filter(known.contains).sorted { (Int($0) ?? 0, $0) < (Int($1) ?? 0, $1) }
        return numbers.isEmpty ? "" : numbers.joined(separator: ", ")
    }

    private func chooseChannel(instrument: InstrumentID, country: Country, direction: Direction,
                               types: [RequestTypeID], urgency: Urgency,
                               using random: inout SeededGenerator) -> ChannelID? {
        let expedited = urgency != .routine || types.contains("preservation") || types.contains("emergency_disclosure")
        switch instrument.rawValue {
        case "police_cooperation":
            return country.eu ? "europol_siena" : "interpol"
        case "e_evidence":
            return direction == .outgoing ? "service_provider" : "e_edes"
        case "eio":
            return eioChannels.pick(using: &random)
        case "budapest":
            if expedited && random.chance(0.8) { return "network_24_7" }
            return budapestChannels.pick(using: &random)
        case "budapest_2ap":
            if types.contains("emergency_disclosure") { return "network_24_7" }
            if types.contains("domain_registration") || types == ["subscriber_info"] { return "service_provider" }
            return "central_authority"
        case "mlat_us_eu":
            return random.chance(0.8) ? "central_authority" : "liaison_magistrate"
        case "reciprocity":
            return "diplomatic"
        default:
            return treatyChannels.pick(using: &random)
        }
    }

    /// Types about electronic data, the only ones the e-evidence Regulation covers.
    private static let dataTypes: Set<RequestTypeID> = [
        "preservation", "subscriber_info", "traffic_data", "stored_content", "emergency_disclosure",
    ]

    /// Types the Second Additional Protocol created a dedicated route for.
    private static let protocolTypes: Set<RequestTypeID> = [
        "domain_registration", "emergency_disclosure", "video_conference", "joint_investigation_team",
    ]
}
