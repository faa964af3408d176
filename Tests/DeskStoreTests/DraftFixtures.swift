import DeskCore
import DeskTestSupport
import Foundation

/// Requests as a demo desk holds them, one per document template, with every field a letter
/// quotes filled in.
enum DraftFixtures {
    static let day: TimeInterval = 86_400

    static func outgoing(status: RequestStatus = .draft, types: [RequestTypeID] = ["subscriber_info"]) -> RequestDetails {
        var request = Fixtures.request(.outgoing, types: types)
        request.foreignReference = "BfJ-2026-7781"
        request.legalBasis = LegalBasis(instrument: "budapest", articles: types.contains("preservation") ? "29" : "25, 31")
        request.urgency = .urgent
        request.confidentiality = "Please do not notify the account holder: disclosure would compromise the investigation."
        request.status = status
        request.dates.sentOrReceived = Fixtures.today.addingTimeInterval(-40 * day)
        request.dates.due = Fixtures.today.addingTimeInterval(10 * day)
        return RequestDetails(request: request, history: [
            StatusChange(from: nil, to: .draft, at: Fixtures.today.addingTimeInterval(-50 * day), officer: "Ana Müller"),
        ])
    }

    static func incoming(status: RequestStatus = .received, history: [StatusChange] = []) -> RequestDetails {
        var request = Fixtures.request(.incoming, country: "FR")
        request.counterpartAuthority = "Ministère de la Justice, Bureau de l'entraide pénale internationale"
        request.foreignReference = "BEPI-2026-0311"
        request.legalBasis = LegalBasis(instrument: "budapest", articles: "31")
        request.confidentiality = "Confidential; no notification of the subscriber."
        request.status = status
        request.dates.sentOrReceived = Fixtures.today.addingTimeInterval(-20 * day)
        return RequestDetails(request: request, history: [
            StatusChange(from: nil, to: .received, at: Fixtures.today.addingTimeInterval(-20 * day), officer: "Ana Müller"),
        ] + history)
    }

    /// An incoming request whose results went out on a USB drive with two hashed items.
    static func transmitted() -> RequestDetails {
        var details = incoming(status: .responseSent)
        let exchange = EvidenceExchange(
            requestID: details.request.id, flow: .sent, at: Fixtures.today.addingTimeInterval(-2 * day),
            channel: "central_authority", medium: .usbDrive, counterpartAuthority: details.request.counterpartAuthority,
            counterpartPerson: "M. Dupont", transmittalReference: "TX-2026-0044",
            handling: HandlingRestrictions(confidentiality: "Restricted", limitationOfUse: "Only for proceedings BEPI-2026-0311", code: .h2))
        details.exchanges = [exchange]
        details.items = [
            EvidenceItem(exchangeID: exchange.id, description: "Subscriber records for secure-login.example",
                         category: .subscriberRecords, originalFileName: "subscriber.csv", size: 2_048,
                         computedHashes: [HashDigest(algorithm: .sha256, value: String(repeating: "ab", count: 32))]),
            EvidenceItem(exchangeID: exchange.id, description: "Web server access logs, 1–3 November",
                         category: .logs, originalFileName: "access.log.gz", size: 10_485_760,
                         computedHashes: [HashDigest(algorithm: .sha256, value: String(repeating: "0f", count: 32))]),
        ]
        return details
    }

    /// A request that fits each shipped template, by template name.
    static var byTemplate: [String: RequestDetails] {
        let day = Self.day
        return [
            "mla_request": outgoing(),
            "preservation_request": outgoing(types: ["preservation"]),
            "acknowledgement": incoming(),
            "additional_information": incoming(status: .clarificationRequested, history: [
                StatusChange(from: .received, to: .clarificationRequested, at: Fixtures.today.addingTimeInterval(-5 * day),
                             officer: "Ana Müller", note: "The exact time zone of the log entries, and the order of a judge for content data."),
            ]),
            "refusal_postponement": incoming(status: .refused, history: [
                StatusChange(from: .assessed, to: .refused, at: Fixtures.today, officer: "Ana Müller",
                             note: "The conduct is not an offence under our law.", ground: "no_dual_criminality"),
            ]),
            "follow_up": outgoing(status: .transmitted),
            "evidence_transmittal": transmitted(),
        ]
    }
}
