import Foundation

/// Realistic, clearly fictitious MLA requests for trying the desk and for benchmarks.
///
/// Deterministic: the same seed, index, reference data and `now` always give the same request,
/// byte for byte. Each request draws from its own random stream derived from the seed and its
/// index, so requests can be generated independently, in any order or in parallel chunks.
/// Every generated request passes ``RequestValidator``, its history is a legal path through
/// ``Workflow`` and its checklist (``DemoChecklist``) lets every step of that path through
/// ``ChecklistGate``; identifiers come from documentation ranges and reserved names only.
public struct DemoGenerator: Sendable {
    /// Demo requests were created within this many seconds before `now` (about three years).
    static let span: Int64 = 3 * 365 * 86_400

    private struct PreparedCountry: Sendable {
        var country: Country
        var profile: DemoCountryProfile
        var reference: DemoTemplate
    }

    private struct PreparedType: Sendable {
        var profile: DemoRequestTypeProfile
        var assistance: DemoTemplate
        /// The urgency the type implies (``RequestTypeInfo/urgency``).
        var urgency: Urgency?
    }

    private struct PreparedOffence: Sendable {
        var profile: DemoOffenceProfile
        var label: String
        var facts: [DemoTemplate]
        var companions: [OffenceID]
    }

    private let seed: UInt64
    private let now: Int64
    private let countries: WeightedChoice<PreparedCountry>
    private let types: WeightedChoice<PreparedType>
    private let typeIndex: [RequestTypeID: PreparedType]
    private let offences: WeightedChoice<OffenceID>
    private let offenceIndex: [OffenceID: PreparedOffence]
    private let urgencies = WeightedChoice<Urgency>([(.routine, 80), (.urgent, 15), (.emergency, 5)])
    private let grounds: [RefusalGroundID]
    /// Preservation may be refused only for a political offence or on sovereignty grounds (Budapest Art. 29(5)),
    /// as the demo has it under any instrument that does not list its own (``RefusalGroundRules``).
    private let preservationGrounds: [RefusalGroundID]
    private let reference: ReferenceData
    private let planner: DemoLegalBasisPlanner
    private let walker = DemoStatusWalker()
    private let evidence = DemoEvidenceFactory()
    private let checklists: DemoChecklist

    /// Prepares the word pools and weights once. `reference` must list at least one country,
    /// request type and offence category (the shipped data lists many); states, types and
    /// offences it lacks are simply never generated.
    public init(seed: UInt64, reference: ReferenceData, now: Date) {
        self.seed = seed
        self.now = Int64(now.timeIntervalSince1970.rounded(.down))

        var countries = DemoCountryProfile.all.compactMap { profile in
            reference.country(profile.code).map { (Self.prepare($0, profile), profile.weight) }
        }
        if countries.isEmpty {
            countries = reference.countries.map { country in
                let profile = DemoCountryProfile(
                    code: country.code, weight: 1, authorities: ["Central Authority of " + country.name],
                    contact: "Duty prosecutor", timeZone: "UTC", referencePattern: "{number}/{year}", providers: [])
                return (Self.prepare(country, profile), 1.0)
            }
        }
        self.countries = WeightedChoice(countries)

        let typeProfiles = Dictionary(DemoRequestTypeProfile.all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let preparedTypes = reference.requestTypes.map { info in
            let profile = typeProfiles[info.id] ?? .generic(info.id, label: info.label)
            return PreparedType(profile: profile, assistance: DemoTemplate(profile.assistance), urgency: info.urgency)
        }
        types = WeightedChoice(preparedTypes.map { ($0, $0.profile.weight) })
        typeIndex = Dictionary(preparedTypes.map { ($0.profile.id, $0) }, uniquingKeysWith: { first, _ in first })

        let offenceProfiles = Dictionary(DemoOffenceProfile.all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let known = Set(reference.offences.map(\.id))
        var preparedOffences: [OffenceID: PreparedOffence] = [:]
        for category in reference.offences {
            let profile = offenceProfiles[category.id] ?? .generic
            preparedOffences[category.id] = PreparedOffence(
                profile: profile, label: category.label, facts: profile.facts.map(DemoTemplate.init),
                companions: profile.companions.filter { known.contains($0) && $0 != category.id })
        }
        offenceIndex = preparedOffences
        offences = WeightedChoice(reference.offences.map { ($0.id, offenceProfiles[$0.id]?.weight ?? 1) })

        self.reference = reference
        grounds = reference.refusalGrounds.map(\.id)
        let narrow = grounds.filter { $0 == "political_offence" || $0 == "sovereignty_security_ordre_public" }
        preservationGrounds = narrow.isEmpty ? grounds : narrow
        planner = DemoLegalBasisPlanner(reference: reference, typeProfiles: typeProfiles)
        checklists = DemoChecklist(templates: reference.checklistTemplates)
    }

    /// The i-th demo request (0-based) with its status history, checklist, evidence exchanges,
    /// items and custody events. Its reference is `IN-` or `OUT-` with the year it was created (UTC) and
    /// sequence `index + 1`, unique within the run.
    public func request(at index: Int) -> RequestDetails {
        var random = SeededGenerator(seed: seed, stream: UInt64(truncatingIfNeeded: index))
        let direction: Direction = random.chance(0.55) ? .outgoing : .incoming
        let operation = random.chance(DemoOperation.memberShare)
            ? DemoOperation(block: index / DemoOperation.requestsPerOperation, seed: seed, offences: offences,
                            earliest: now - Self.span, latest: now - 86_400)
            : nil
        let place = countries.pick(using: &random)
        let picked = urgencies.pick(using: &random)
        let created = createdTime(around: operation?.centre, using: &random)
        let chosenTypes = chooseTypes(urgency: picked, using: &random)
        let urgency = chosenTypes.lazy.compactMap(\.urgency).first ?? picked
        let typeIDs = chosenTypes.map(\.profile.id)
        let offenceIDs = chooseOffences(first: operation?.offence, using: &random)
        let primary = offenceIndex[offenceIDs[0]]!
        let identities = DemoIdentifiers(timeZone: place.profile.timeZone, created: created, using: &random)
        let identifiers = chooseIdentifiers(primary.profile.identifierKinds, from: identities,
                                            many: typeIDs.contains(where: Self.dataTypes.contains), using: &random)
        let providers = place.profile.providers.isEmpty ? DemoPools.providers : place.profile.providers
        let provider = random.chance(0.6) ? random.pick(providers) : random.pick(DemoPools.providers)
        let year = DemoText.civilDate(created).year

        var values = DemoTemplate.Values()
        values[.country] = place.country.name
        values[.provider] = provider
        values[.target] = identifiers.first?.value ?? identities.handle
        values[.ip] = identities.ip.value
        values[.domain] = identities.domain
        values[.email] = identities.email
        values[.wallet] = identities.wallet
        values[.phone] = identities.phone
        values[.amount] = "EUR " + DemoText.grouped(random.int(in: 10...5_000) * 500)
        values[.victims] = DemoText.grouped(random.int(in: 20...25_000))
        values[.victim] = random.pick(DemoPools.victims)
        values[.period] = DemoText.monthYear(created - random.int64(in: (20 * 86_400)...(300 * 86_400)))
        values[.malware] = random.pick(DemoPools.malware)
        values[.market] = random.pick(DemoPools.markets)
        values[.operation] = operation.map { "operation " + $0.name } ?? "the offences described"
        values[.year] = String(year)
        values[.number] = String(random.int(in: 100...99_999))

        let assignedOfficer = random.pick(DemoPools.officers)
        let (legalBasis, channel) = planner.plan(country: place.country, direction: direction, types: typeIDs,
                                                 urgency: urgency, created: created, using: &random)
        var ids = DemoIDs(request: index, now: now)
        var request = Request(
            id: ids.next(using: &random),
            reference: RequestReference(direction: direction, year: year, sequence: index + 1),
            foreignReference: direction == .incoming ? render(place.reference, values) : "",
            counterpartCountry: place.country.code,
            counterpartAuthority: random.pick(place.profile.authorities),
            ourAuthority: random.pick(DemoPools.ourAuthorities),
            legalBasis: legalBasis, types: typeIDs, channel: channel, urgency: urgency, offences: offenceIDs,
            summaryOfFacts: summary(primary, offenceIDs, values, using: &random),
            assistanceSought: assistance(chosenTypes, values),
            identifiers: identifiers,
            serviceProviders: serviceProviders(provider, providers, types: typeIDs, using: &random),
            operation: operation?.name ?? "",
            assignedOfficer: assignedOfficer,
            confidentiality: random.chance(0.6) ? random.pick(DemoPools.confidentiality) : "",
            limitationOfUse: random.chance(0.4) ? random.pick(DemoPools.limitationOfUse) : "",
            dates: KeyDates(created: DemoText.date(created),
                            sentOrReceived: direction == .incoming ? DemoText.date(created) : nil),
            notes: random.chance(0.15) ? random.pick(DemoPools.notes) : "")

        let refusable = RefusalGroundRules.allowed(for: request, reference: reference)?.grounds
            ?? (typeIDs == ["preservation"] ? preservationGrounds : grounds)
        let outcome = walker.walk(&request, created: created, now: now, grounds: refusable, using: &random)
        let last = outcome.history[outcome.history.count - 1]
        request.version = outcome.history.count
        request.updatedAt = last.at
        request.updatedBy = last.officer
        if direction == .outgoing && request.dates.acknowledged != nil && random.chance(0.85) {
            request.foreignReference = render(place.reference, values)
        }
        if request.status == .draft && random.chance(0.4) { request.channel = nil }
        request.dates.due = dueDate(for: request, created: created, using: &random)

        var details = RequestDetails(request: request, history: outcome.history)
        var checklistRandom = SeededGenerator(seed: seed, stream: UInt64(truncatingIfNeeded: index),
                                              domain: DemoChecklist.streamDomain)
        details.checklist = checklists.checklist(for: request, history: outcome.history, using: &checklistRandom)
        if let started = outcome.executionStarted,
            random.chance(outcome.executionEnded == nil ? 0.35 : 0.85)
        {
            let made = evidence.evidence(
                for: request, profiles: chosenTypes.map(\.profile), contact: place.profile.contact, provider: provider,
                start: started, end: outcome.executionEnded ?? now, now: now, ids: &ids, using: &random)
            details.exchanges = made.exchanges
            details.items = made.items
            details.custody = made.custody
        }
        return details
    }

    private static func prepare(_ country: Country, _ profile: DemoCountryProfile) -> PreparedCountry {
        PreparedCountry(country: country, profile: profile, reference: DemoTemplate(profile.referencePattern))
    }

    /// Spread over the last three years, or within two months of the operation's centre.
    private func createdTime(around centre: Int64?, using random: inout SeededGenerator) -> Int64 {
        let latest = now - 600
        guard let centre else { return now - random.int64(in: 600...Self.span) }
        return min(latest, max(now - Self.span, centre + random.int64(in: (-60 * 86_400)...(60 * 86_400))))
    }

    /// One to three distinct types; an emergency usually asks for emergency disclosure first.
    private func chooseTypes(urgency: Urgency, using random: inout SeededGenerator) -> [PreparedType] {
        var chosen: [PreparedType] = []
        if urgency == .emergency, random.chance(0.7), let emergency = typeIndex["emergency_disclosure"] {
            chosen.append(emergency)
        }
        let roll = random.unit()
        let wanted = roll < 0.5 ? 1 : roll < 0.85 ? 2 : 3
        var attempts = 0
        while chosen.count < wanted && attempts < 12 {
            attempts += 1
            let type = types.pick(using: &random)
            if !chosen.contains(where: { $0.profile.id == type.profile.id }) { chosen.append(type) }
        }
        return chosen
    }

    /// The main offence (the operation's, if any) and sometimes one that usually comes with it.
    private func chooseOffences(first: OffenceID?, using random: inout SeededGenerator) -> [OffenceID] {
        let main = first.flatMap { offenceIndex[$0] == nil ? nil : $0 } ?? offences.pick(using: &random)
        if let companions = offenceIndex[main]?.companions, !companions.isEmpty, random.chance(0.35) {
            return [main, random.pick(companions)]
        }
        return [main]
    }

    private func chooseIdentifiers(_ kinds: [Identifier.Kind], from identities: DemoIdentifiers, many: Bool,
                                   using random: inout SeededGenerator) -> [Identifier] {
        guard !kinds.isEmpty else { return [] }
        let count = min(kinds.count, many ? random.int(in: 2...4) : random.int(in: 1...2))
        return (0..<count).map { identities.identifier(kinds[$0]) }
    }

    private func serviceProviders(_ provider: String, _ local: [String], types: [RequestTypeID],
                                  using random: inout SeededGenerator) -> [String] {
        guard types.contains(where: Self.dataTypes.contains) || random.chance(0.4) else { return [] }
        let second = random.pick(local)
        return second != provider && random.chance(0.3) ? [provider, second] : [provider]
    }

    private func summary(_ primary: PreparedOffence, _ offences: [OffenceID], _ values: DemoTemplate.Values,
                         using random: inout SeededGenerator) -> String {
        var text = ""
        text.reserveCapacity(640)
        random.pick(primary.facts).render(into: &text, values)
        if offences.count > 1, let second = offenceIndex[offences[1]] {
            text += " The conduct is also investigated as " + second.label.lowercased() + "."
        }
        text += " "
        text += random.pick(DemoPools.stages)
        return text
    }

    private func assistance(_ types: [PreparedType], _ values: DemoTemplate.Values) -> String {
        var text = ""
        text.reserveCapacity(600)
        for (number, type) in types.enumerated() {
            if types.count > 1 { text += String(number + 1) + ". " }
            type.assistance.render(into: &text, values)
            text += "\n"
        }
        text += "The evidence is needed to identify the persons responsible and to prove the link between "
        text += values[.target]
        text += " and the offences described."
        return text
    }

    private func render(_ template: DemoTemplate, _ values: DemoTemplate.Values) -> String {
        var text = ""
        template.render(into: &text, values)
        return text
    }

    /// Many requests carry no due date of the officer's own; of the open ones that do, some are
    /// overdue, some due within the week, most later. A finished request keeps the due date it
    /// had, somewhere before it was completed.
    private func dueDate(for request: Request, created: Int64, using random: inout SeededGenerator) -> Date? {
        if request.status.isFinal, let completed = request.dates.completed {
            guard random.chance(0.1) else { return nil }
            return DemoText.date(random.int64(in: created...max(created, Int64(completed.timeIntervalSince1970))))
        }
        guard random.chance(0.45) else { return nil }
        let roll = random.unit()
        if roll < 0.2 && now - created > 2 * 86_400 {
            return DemoText.date(now - random.int64(in: 3_600...min(60 * 86_400, now - created)))
        }
        if roll < 0.4 {
            return DemoText.date(now + random.int64(in: 3_600...(7 * 86_400)))
        }
        return DemoText.date(now + random.int64(in: (8 * 86_400)...(120 * 86_400)))
    }

    /// Types about electronic data held by providers: these name several identifiers and providers.
    private static let dataTypes: Set<RequestTypeID> = [
        "preservation", "subscriber_info", "traffic_data", "stored_content", "disclosure_preserved_traffic",
        "domain_registration", "emergency_disclosure", "realtime_traffic", "interception",
    ]
}
