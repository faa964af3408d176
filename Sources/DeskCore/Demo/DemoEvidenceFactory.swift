/// Builds the evidence of a demo request that reached execution: one or two exchanges (received
/// from the counterpart for outgoing requests, sent to it for incoming ones), their items with
/// declared and computed SHA-256 digests, and each item's chain of custody.
///
/// About one item in fifty (a received one) carries a computed digest that differs from the declared one and a
/// few have not been hashed yet, so the desk's verification states all show up in a demo.
struct DemoEvidenceFactory: Sendable {
    private let media = WeightedChoice<EvidenceExchange.Medium>([
        (.securePortal, 5), (.usbDrive, 2), (.opticalDisc, 1), (.email, 1), (.paper, 0.5),
    ])
    private let codes = WeightedChoice<HandlingRestrictions.Code>([(.h0, 1), (.h1, 4), (.h2, 3), (.h3, 1)])

    /// The request's evidence; `start...end` is when the counterpart or we executed it.
    func evidence(for request: Request, profiles: [DemoRequestTypeProfile], contact: String, provider: String,
                  start: Int64, end: Int64, now: Int64, ids: inout DemoIDs, using random: inout SeededGenerator)
        -> (exchanges: [EvidenceExchange], items: [EvidenceItem], custody: [CustodyEvent])
    {
        let flow: EvidenceExchange.Flow = request.direction == .outgoing ? .received : .sent
        let count = random.chance(0.75) ? 1 : 2
        var times = (0..<count).map { _ in random.int64(in: start...max(start, end)) }
        times.sort()
        var exchanges: [EvidenceExchange] = []
        var items: [EvidenceItem] = []
        var custody: [CustodyEvent] = []
        for at in times {
            let exchange = EvidenceExchange(
                id: ids.next(using: &random), requestID: request.id, flow: flow, at: DemoText.date(at),
                channel: request.channel, medium: media.pick(using: &random),
                counterpartAuthority: request.counterpartAuthority, counterpartPerson: contact,
                transmittalReference: "TR-" + DemoText.compactDate(at) + "-" + DemoText.padded(random.int(in: 1...999), width: 3),
                handling: HandlingRestrictions(confidentiality: request.confidentiality,
                                               limitationOfUse: request.limitationOfUse, code: codes.pick(using: &random)))
            exchanges.append(exchange)
            for number in 1...random.int(in: 1...4) {
                let item = item(in: exchange, number: number, profile: random.pick(profiles), provider: provider,
                                at: at, ids: &ids, using: &random)
                items.append(item)
                custody += flow == .received
                    ? receivedCustody(of: item, at: at, now: now, officer: request.assignedOfficer, ids: &ids, using: &random)
                    : sentCustody(of: item, at: at, after: start, to: request.counterpartAuthority,
                                  officer: request.assignedOfficer, ids: &ids, using: &random)
            }
        }
        return (exchanges, items, custody)
    }

    private func item(in exchange: EvidenceExchange, number: Int, profile: DemoRequestTypeProfile, provider: String,
                      at: Int64, ids: inout DemoIDs, using random: inout SeededGenerator) -> EvidenceItem {
        let declared = HashDigest(algorithm: .sha256, value: DemoText.hex(64, using: &random))
        var computed: [HashDigest] = [declared]
        let roll = random.unit()
        if exchange.flow == .received && roll < 0.036 {
            computed = [HashDigest(algorithm: .sha256, value: DemoText.hex(64, using: &random))]
        } else if roll > 0.93 {
            computed = []
        }
        return EvidenceItem(
            id: ids.next(using: &random), exchangeID: exchange.id,
            description: profile.evidence.label + " produced by " + provider,
            category: profile.evidence,
            originalFileName: profile.fileStem + "_" + DemoText.compactDate(at) + "_" + String(number) + "."
                + profile.fileExtension,
            size: random.int64(in: profile.sizes), declaredHashes: [declared], computedHashes: computed)
    }

    /// Received from the counterpart: logged in, verified, sealed, stored, sometimes examined and copied.
    private func receivedCustody(of item: EvidenceItem, at: Int64, now: Int64, officer: String, ids: inout DemoIDs,
                                 using random: inout SeededGenerator) -> [CustodyEvent] {
        var events: [CustodyEvent] = []
        var cursor = at
        func add(_ kind: CustodyEvent.Kind, after seconds: ClosedRange<Int64>, location: String, note: String = "",
                 _ random: inout SeededGenerator) {
            cursor = min(now, cursor + random.int64(in: seconds))
            events.append(CustodyEvent(id: ids.next(using: &random), itemID: item.id, kind: kind,
                                       at: DemoText.date(cursor), officer: officer, location: location, note: note))
        }
        add(.received, after: 0...0, location: "Registry, secure mailroom", &random)
        switch item.verification {
        case .match:
            add(.verificationPassed, after: 60...3_600, location: "Forensic laboratory, bench 3", &random)
        case .mismatch:
            add(.verificationFailed, after: 60...3_600, location: "Forensic laboratory, bench 3",
                note: "Computed SHA-256 differs from the declared value; counterpart asked to resend.", &random)
        case .notComputed, .noDeclaration:
            break
        }
        add(.sealed, after: 300...14_400, location: "Forensic laboratory, bench 3", &random)
        add(.stored, after: 300...7_200, location: random.pick(["Evidence store, room 0.14", "Vault B, shelf 12"]), &random)
        if random.chance(0.3) {
            add(.examined, after: 86_400...(20 * 86_400), location: "Forensic laboratory, bench 3", &random)
        }
        if random.chance(0.2) {
            add(.copied, after: 3_600...(5 * 86_400), location: "Digital evidence server, case share",
                note: "Working copy for analysis; original stays sealed.", &random)
        }
        return events
    }

    /// Produced by our executing unit and sent on: received, sealed, stored, sometimes copied, transferred.
    private func sentCustody(of item: EvidenceItem, at: Int64, after start: Int64, to authority: String,
                             officer: String, ids: inout DemoIDs, using random: inout SeededGenerator) -> [CustodyEvent] {
        var cursor = max(start, at - random.int64(in: 86_400...(5 * 86_400)))
        var events: [CustodyEvent] = []
        func add(_ kind: CustodyEvent.Kind, location: String, note: String = "", _ random: inout SeededGenerator) {
            cursor = min(at, cursor + random.int64(in: 600...14_400))
            events.append(CustodyEvent(id: ids.next(using: &random), itemID: item.id, kind: kind,
                                       at: DemoText.date(cursor), officer: officer, location: location, note: note))
        }
        add(.received, location: "Registry, secure mailroom", note: "Received from the executing unit.", &random)
        add(.sealed, location: "Forensic laboratory, bench 3", &random)
        add(.stored, location: "Evidence store, room 0.14", &random)
        if random.chance(0.15) {
            add(.copied, location: "Digital evidence server, case share", note: "Copy kept for our file.", &random)
        }
        events.append(CustodyEvent(id: ids.next(using: &random), itemID: item.id, kind: .transferred,
                                   at: DemoText.date(at), officer: officer, location: "Registry, secure mailroom",
                                   note: "Handed over to " + authority + "."))
        return events
    }
}
