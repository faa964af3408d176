import ArgumentParser
import DeskCore
import DeskStore

struct EvidenceShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one item with its hashes and custody timeline.")

    @OptionGroup var options: DeskOptions
    @Argument(help: "The request's reference.") var reference: RequestReference
    @Argument(help: "The item id (or a unique prefix).") var item: String

    func run() throws {
        let (store, data) = try options.openDesk()
        let details = try store.requireDetails(reference)
        let item = try EvidenceLookup.item(item, in: details)
        var lines: [String] = []
        if let exchange = details.exchanges.first(where: { $0.id == item.exchangeID }) {
            lines += EvidenceText.exchange(exchange, among: details.evidenceIDs, reference: data)
        }
        lines += EvidenceText.item(item, integrity: details.integrity(of: item), among: details.evidenceIDs)
        lines.append("    attached file: \(item.attachedPath ?? "—")")
        lines.append("  Custody")
        let timeline = details.timeline(of: item.id).inTimeOrder
        lines += timeline.isEmpty ? ["    (no events)"] : timeline.map(EvidenceText.event)
        print(lines.map(TextOutput.safe).joined(separator: "\n"))
    }
}
