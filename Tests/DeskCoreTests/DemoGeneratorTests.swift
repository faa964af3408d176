import DeskCore
import Foundation
import Testing

@Suite("Demo data generator")
struct DemoGeneratorTests {
    /// 2026-11-29T09:30:00Z: late enough for e-evidence orders (applicable from 18 August 2026).
    static let now = Date(timeIntervalSince1970: 1_795_944_600)
    static let sampleSize = 2_000

    /// Generated once for the whole suite: every test reads the same first requests of seed 42.
    private static let shared = Result { () throws -> (ReferenceData, [RequestDetails]) in
        let reference = try ReferenceData.decode(files: ReferenceFixtures.shippedFiles())
        let generator = DemoGenerator(seed: 42, reference: reference, now: now)
        return (reference, (0..<sampleSize).map(generator.request(at:)))
    }

    let reference: ReferenceData
    let generator: DemoGenerator
    let sample: [RequestDetails]

    init() throws {
        (reference, sample) = try Self.shared.get()
        generator = DemoGenerator(seed: 42, reference: reference, now: Self.now)
    }

    @Test func sameSeedGivesTheSameBytesInAnyOrder() throws {
        let again = DemoGenerator(seed: 42, reference: reference, now: Self.now)
        let encoder = DeskJSON.encoder()
        for index in [1_999, 0, 17, 512, 1, 100_000, 99_999] {
            let first = index < sample.count ? sample[index] : generator.request(at: index)
            let second = again.request(at: index)
            #expect(first == second)
            #expect(!first.checklist.isEmpty && first.checklist == second.checklist)
            #expect(try encoder.encode(first) == encoder.encode(second))
        }
    }

    @Test func differentSeedGivesDifferentRequests() {
        let other = DemoGenerator(seed: 43, reference: reference, now: Self.now)
        for index in 0..<20 {
            #expect(other.request(at: index) != sample[index])
            #expect(other.request(at: index).request.id != sample[index].request.id)
        }
    }

    @Test func everyRequestValidates() {
        let validator = RequestValidator(reference: reference)
        for details in sample {
            let problems = validator.validate(details.request)
            #expect(problems.isEmpty, "\(details.request.reference): \(problems)")
        }
    }

    @Test func everyStatusOfBothDirectionsAppears() {
        for direction in Direction.allCases {
            let seen = Set(sample.filter { $0.request.direction == direction }.map(\.request.status))
            let missing = Workflow.statuses(for: direction).filter { !seen.contains($0) }
            #expect(missing.isEmpty, "\(direction.label) never reaches \(missing)")
        }
    }

    @Test func everyTypeUrgencyInstrumentChannelAndManyCountriesAppear() {
        let types = Set(sample.flatMap(\.request.types))
        #expect(reference.requestTypes.map(\.id).filter { !types.contains($0) } == [])
        #expect(Set(sample.map(\.request.urgency)) == Set(Urgency.allCases))
        let instruments = Set(sample.map(\.request.legalBasis.instrument))
        #expect(reference.instruments.map(\.id).filter { !instruments.contains($0) } == [])
        let channels = Set(sample.compactMap(\.request.channel))
        #expect(reference.channels.map(\.id).filter { !channels.contains($0) } == [])
        #expect(Set(sample.map(\.request.counterpartCountry)).count >= 40)
        #expect(sample.allSatisfy { (1...3).contains($0.request.types.count) })
        #expect(sample.allSatisfy { (1...2).contains($0.request.offences.count) })
    }

    /// No request cites an instrument before it could be: the UN Cybercrime Convention opened
    /// for signature on 25 October 2025, e-evidence orders apply from 18 August 2026. And a name
    /// that ends with a full stop ("… S.A.") ending a sentence is not followed by a second one.
    @Test func instrumentsAreCitedOnlyOnceTheyExistAndSentencesEndOnce() {
        let signing = Date(timeIntervalSince1970: 1_761_350_400)
        let applicable = Date(timeIntervalSince1970: 1_787_011_200)
        for request in sample.map(\.request) {
            if request.legalBasis.instrument == "un_cybercrime" { #expect(request.dates.created >= signing, "\(request.reference)") }
            if request.legalBasis.instrument == "e_evidence" { #expect(request.dates.created >= applicable, "\(request.reference)") }
            #expect(!request.summaryOfFacts.contains(".."), "\(request.reference): \(request.summaryOfFacts)")
        }
        #expect(sample.contains { $0.request.legalBasis.instrument == "un_cybercrime" })
    }

    @Test func proportionsLookLikeARealDesk() {
        func share(_ condition: (Request) -> Bool) -> Double {
            Double(sample.filter { condition($0.request) }.count) / Double(sample.count)
        }
        #expect((0.50...0.60).contains(share { $0.direction == .outgoing }))
        #expect((0.76...0.84).contains(share { $0.urgency == .routine }))
        #expect((0.25...0.35).contains(share { !$0.operation.isEmpty }))
        #expect((0.05...0.40).contains(share { $0.dates.due != nil }))
        #expect(sample.contains { $0.request.dates.due.map { $0 < Self.now } == true && !$0.request.status.isFinal })
        #expect(sample.contains { $0.request.dates.due.map { $0 > Self.now.addingTimeInterval(7 * 86_400) } == true })
        for request in sample.map(\.request) where request.status.isFinal {
            #expect(request.dates.due.map { $0 <= request.dates.completed! } ?? true)
        }
        let operations = Dictionary(grouping: sample.filter { !$0.request.operation.isEmpty }, by: \.request.operation)
        #expect(operations.count >= 80 && operations.count <= 100)
        #expect(operations.values.contains { Set($0.map(\.request.counterpartCountry)).count > 1 })
    }

    @Test func referencesAreUniqueAndCarryTheYearOfCreation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        #expect(Set(sample.map(\.request.reference)).count == sample.count)
        for (index, details) in sample.enumerated() {
            let request = details.request
            #expect(request.reference.sequence == index + 1)
            #expect(request.reference.year == calendar.component(.year, from: request.dates.created))
            #expect(request.dates.created <= Self.now)
            #expect(request.dates.created >= Self.now.addingTimeInterval(-3 * 366 * 86_400))
        }
    }

    @Test func historiesAreLegalPathsThroughTheWorkflow() {
        let grounds = Set(reference.refusalGrounds.map(\.id))
        for details in sample {
            let request = details.request
            let history = details.history
            guard let first = history.first, let last = history.last else {
                Issue.record("\(request.reference) has no history")
                continue
            }
            #expect(first.from == nil && first.to == Workflow.initialStatus(for: request.direction))
            #expect(first.at == request.dates.created)
            #expect(last.to == request.status)
            #expect(request.version == history.count)
            #expect(request.updatedAt == last.at && request.updatedBy == last.officer)
            for (previous, change) in zip(history, history.dropFirst()) {
                #expect(change.from == previous.to)
                #expect(Workflow.allows(from: previous.to, to: change.to, direction: request.direction),
                        "\(request.reference): \(previous.to) → \(change.to)")
                #expect(change.at >= previous.at)
                switch Workflow.requirement(for: change.to) {
                case .ground:
                    #expect(change.ground.map(grounds.contains) == true)
                    #expect(change.ground.flatMap { RefusalGroundRules.problem($0, for: request, reference: reference) } == nil,
                            "\(request.reference): a ground its legal basis does not provide")
                case .reason: #expect(!change.note.trimmingCharacters(in: .whitespaces).isEmpty)
                case nil: break
                }
            }
            #expect(last.at <= Self.now)
            checkKeyDates(details)
        }
    }

    /// The dates `StatusRules.stampDates` would have filled along the same path.
    private func checkKeyDates(_ details: RequestDetails) {
        let request = details.request
        let visited = details.history.map(\.to)
        let firstEntry = { (status: RequestStatus) in details.history.first { $0.to == status }?.at }
        if request.direction == .outgoing {
            #expect(request.dates.sentOrReceived == firstEntry(.transmitted))
        } else {
            #expect(request.dates.sentOrReceived == request.dates.created)
        }
        #expect(request.dates.acknowledged == firstEntry(.acknowledged))
        #expect(request.dates.completed == details.history.first { $0.to.isFinal }?.at)
        #expect(visited.contains(where: \.isFinal) == (request.dates.completed != nil))
    }

    /// The shared sample and requests spread far beyond it: several thousand histories.
    private var manyRequests: [RequestDetails] {
        sample + stride(from: sample.count, to: 400_000, by: 400).map(generator.request(at:))
    }

    @Test func checklistsLetEveryStepOfTheHistoryThrough() {
        for details in manyRequests {
            let reference = details.request.reference
            for change in details.history {
                let open = ChecklistGate.missing(in: details.checklist, for: change.to)
                #expect(open.isEmpty, "\(reference) entered \(change.to) with \(open.map(\.itemID)) open")
            }
            let created = details.request.dates.created
            let officers = Set(details.history.map(\.officer))
            for item in details.checklist {
                #expect(!item.isObsolete)
                guard item.isSettled else {
                    #expect(item.changedBy.isEmpty && item.changedAt == nil && item.reason.isEmpty)
                    continue
                }
                #expect(officers.contains(item.changedBy), "\(reference) \(item.itemID) by \(item.changedBy)")
                #expect((item.state == .notApplicable) == !item.reason.isEmpty)
                guard let at = item.changedAt else {
                    Issue.record("\(reference) \(item.itemID) settled without a time")
                    continue
                }
                #expect(at >= created && at <= details.request.updatedAt)
                #expect(at.timeIntervalSince1970 == at.timeIntervalSince1970.rounded(.down))
                if let gate = item.gates, let entered = details.history.first(where: { $0.to == gate }) {
                    #expect(at <= entered.at, "\(reference) \(item.itemID) settled after \(gate)")
                }
            }
        }
    }

    @Test func checklistsAreTheDesksOwnAndVaryWithProgress() {
        var openRequiredEarly = 0
        var settledEarly = 0
        var waived = 0
        for details in sample {
            let request = details.request
            let rebuilt = ChecklistBuilder.build(for: request, templates: reference.checklistTemplates,
                                                 existing: details.checklist)
            #expect(rebuilt == details.checklist, "\(request.reference): an edit would change its checklist")
            waived += details.checklist.filter { $0.state == .notApplicable }.count
            guard details.history.count == 1 else { continue }
            let required = details.checklist.filter(\.isRequired)
            openRequiredEarly += required.contains { !$0.isSettled } ? 1 : 0
            settledEarly += required.contains(where: \.isSettled) ? 1 : 0
        }
        // Only preservation through police cooperation has no template; every other request has a checklist.
        #expect(sample.filter(\.checklist.isEmpty).count < sample.count / 100)
        #expect(openRequiredEarly >= 20 && settledEarly >= 20)
        #expect(waived >= 50)
        func settledShare(_ details: [RequestDetails]) -> Double {
            let items = details.flatMap(\.checklist).filter(\.isRequired)
            return Double(items.filter(\.isSettled).count) / Double(max(1, items.count))
        }
        let outgoing = sample.filter { $0.request.direction == .outgoing }
        let drafts = outgoing.filter { $0.request.status == .draft }
        let approved = outgoing.filter { $0.request.status == .approved }
        #expect(settledShare(drafts) < 0.4 && settledShare(approved) > settledShare(drafts) + 0.2)
    }

    /// A load writes request after request, each with its exchanges, items and custody events;
    /// every id must sort after those of the requests before it, so indexes grow at their end.
    @Test func idsRiseRequestByRequestAndAreVersion7() {
        let perRequest = sample.map { details in
            ([details.request.id] + details.exchanges.map(\.id) + details.items.map(\.id) + details.custody.map(\.id))
                .map(\.uuidString)
        }
        for (earlier, later) in zip(perRequest, perRequest.dropFirst()) {
            #expect(earlier.max()! < later.min()!)
            #expect(later.min() == later[0])
        }
        let all = sample.flatMap { [$0.request.id] + $0.exchanges.map(\.id) + $0.items.map(\.id) + $0.custody.map(\.id) }
        #expect(Set(all).count == all.count)
        #expect(all.allSatisfy { $0.uuid.6 >> 4 == 7 && $0.uuid.8 >> 6 == 0b10 })
        let milliseconds = sample[0].request.id.uuidString.prefix(13).replacingOccurrences(of: "-", with: "")
        #expect(UInt64(milliseconds, radix: 16) == UInt64(Self.now.timeIntervalSince1970) * 1_000)
    }

    @Test func evidenceIsAttachedConsistently() {
        var verifications: Set<HashVerification> = []
        var withEvidence = 0
        for details in sample where !details.exchanges.isEmpty {
            withEvidence += 1
            let request = details.request
            #expect(details.history.contains { $0.to == .inExecution })
            #expect((1...2).contains(details.exchanges.count))
            let exchangeIDs = Set(details.exchanges.map(\.id))
            let itemIDs = Set(details.items.map(\.id))
            for exchange in details.exchanges {
                #expect(exchange.requestID == request.id)
                #expect(exchange.flow == (request.direction == .outgoing ? .received : .sent))
                #expect(exchange.at <= Self.now)
                #expect((1...4).contains(details.items.filter { $0.exchangeID == exchange.id }.count))
            }
            for item in details.items {
                #expect(exchangeIDs.contains(item.exchangeID))
                #expect(!item.originalFileName.isEmpty && (item.size ?? 0) > 0)
                #expect(item.declaredHashes.count == 1)
                #expect((item.declaredHashes + item.computedHashes).allSatisfy { $0.algorithm == .sha256 && $0.isWellFormed })
                verifications.insert(item.verification)
                let events = details.custody.filter { $0.itemID == item.id }
                #expect(events.first?.kind == .received)
                #expect(events.contains { $0.kind == .sealed } && events.contains { $0.kind == .stored })
                #expect(zip(events, events.dropFirst()).allSatisfy { $0.at <= $1.at })
                #expect(events.allSatisfy { $0.at <= Self.now && !$0.officer.isEmpty && !$0.location.isEmpty })
            }
            #expect(details.custody.allSatisfy { itemIDs.contains($0.itemID) })
        }
        #expect(verifications == [.match, .mismatch, .notComputed])
        #expect(withEvidence >= sample.count / 10)
        #expect(sample.filter { $0.history.allSatisfy { $0.to != .inExecution } }.allSatisfy { $0.exchanges.isEmpty })
    }

    @Test func identifiersComeFromDocumentationRangesOnly() {
        let domainSuffixes = [".example", ".test", ".example.com", ".example.net"]
        func isReservedDomain(_ domain: Substring) -> Bool { domainSuffixes.contains { domain.hasSuffix($0) } }
        for details in sample {
            for identifier in details.request.identifiers {
                let value = identifier.value
                switch identifier.kind {
                case .ipAddress:
                    #expect(isDocumentationAddress(value), "\(value)")
                    #expect(identifier.observedAt.map { $0 < details.request.dates.created } == true)
                    #expect(identifier.timeZone.flatMap(TimeZone.init(identifier:)) != nil)
                    #expect(identifier.port.map { (0...65_535).contains($0) } == true)
                case .domain: #expect(isReservedDomain(Substring(value)), "\(value)")
                case .email: #expect(value.hasSuffix("@example.org"), "\(value)")
                case .phone: #expect(value.hasPrefix("+1-555-01") && value.count == 11, "\(value)")
                case .wallet: #expect(value.hasPrefix("bc1qdemo"), "\(value)")
                case .url:
                    let host = value.dropFirst("https://".count).prefix { $0 != "/" }
                    #expect(value.hasPrefix("https://") && isReservedDomain(host), "\(value)")
                case .account, .imei, .other: #expect(!value.isEmpty)
                }
            }
        }
    }

    private func isDocumentationAddress(_ value: String) -> Bool {
        if value.hasPrefix("2001:db8:") { return true }
        for prefix in ["192.0.2.", "198.51.100.", "203.0.113."] where value.hasPrefix(prefix) {
            return Int(value.dropFirst(prefix.count)).map { (0...255).contains($0) } == true
        }
        return false
    }
}
