import ArgumentParser
import DeskCore
import DeskStore

struct EvidenceListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List a request's exchanges and items with their hashes and verification state.")

    @OptionGroup var options: DeskOptions
    @Argument(help: "The request's reference.") var reference: RequestReference
    @Option(help: OutputFormat.help) var format: OutputFormat = .text

    func run() throws {
        let (store, data) = try options.openDesk()
        let details = try store.requireDetails(reference)
        if format == .json {
            print(try TextOutput.json(EvidenceListing(details)))
            return
        }
        print(EvidenceText.all(details, reference: data).map(TextOutput.safe).joined(separator: "\n"))
    }
}

/// `evidence list --format json`: the records as stored, with each item's verification state.
struct EvidenceListing: Encodable {
    struct ItemState: Encodable {
        var id: String
        var verification: String
    }

    var reference: String
    var exchanges: [EvidenceExchange]
    var items: [EvidenceItem]
    var states: [ItemState]
    var custody: [CustodyEvent]

    init(_ details: RequestDetails) {
        reference = details.request.reference.description
        exchanges = details.exchanges
        items = details.items
        states = details.items.map { ItemState(id: $0.id.uuidString, verification: details.integrity(of: $0).summary) }
        custody = details.custody
    }
}
