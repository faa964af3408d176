import ArgumentParser
import DeskCore
import DeskStore
import Foundation

struct EvidenceAddExchangeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-exchange", abstract: "Record evidence sent or received under a request.")

    @OptionGroup var options: DeskOptions
    @Argument(help: "The request's reference.") var reference: RequestReference
    @Option(help: "sent or received.") var flow: EvidenceExchange.Flow
    @Option(help: "\(EvidenceExchange.Medium.allCases.map(\.rawValue).joined(separator: ", ")).") var medium: EvidenceExchange.Medium
    @Option(help: "The channel, as in the reference data (e.g. central_authority).") var channel: String?
    @Option(help: "When (YYYY-MM-DD or YYYY-MM-DD HH:MM, local time; default now).") var at: DayArgument?
    @Option(help: "The counterpart authority.") var counterpart = ""
    @Option(help: "The counterpart person.") var person = ""
    @Option(help: "The transmittal reference.") var transmittal = ""
    @Option(help: "Handling code, H0 to H3.") var handling: HandlingRestrictions.Code?
    @Option(help: "Confidentiality restriction.") var confidentiality = ""
    @Option(help: "Limitation of use.") var limitationOfUse = ""
    @Option(help: "A note.") var note = ""

    func validate() throws {
        try DayArgument.happened(at, option: "--at")
    }

    func run() throws {
        let (store, data) = try options.openDesk()
        let details = try store.requireDetails(reference)
        let exchange = try store.recordExchange(
            EvidenceExchange(
                requestID: details.request.id, flow: flow, at: at?.date ?? Date(), channel: channel.map(ChannelID.init(rawValue:)),
                medium: medium, counterpartAuthority: counterpart, counterpartPerson: person,
                transmittalReference: transmittal,
                handling: HandlingRestrictions(confidentiality: confidentiality, limitationOfUse: limitationOfUse, code: handling),
                note: note),
            reference: data)
        print("\(reference): exchange \(EvidenceID.short(exchange.id, among: details.evidenceIDs)) recorded (\(flow.rawValue) via \(medium.label)).")
    }
}
