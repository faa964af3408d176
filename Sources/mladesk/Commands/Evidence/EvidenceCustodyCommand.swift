import ArgumentParser
import DeskCore
import DeskStore
import Foundation

struct EvidenceCustodyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "custody", abstract: "Append a custody event to an item's timeline.",
        discussion: "Events are never changed or removed; record a correction as a new event with a note.")

    @OptionGroup var options: DeskOptions
    @Argument(help: "The request's reference.") var reference: RequestReference
    @Argument(help: "The item id (or a unique prefix).") var item: String
    @Option(help: "\(CustodyEvent.Kind.recordedByHand.map(\.rawValue).joined(separator: ", ")) (a verification is recorded by `evidence verify`).") var event: CustodyEvent.Kind
    @Option(help: "When (YYYY-MM-DD or YYYY-MM-DD HH:MM, local time; default now).") var at: DayArgument?
    @Option(help: "Where (e.g. evidence room 2, locker 14).") var `where` = ""
    @Option(help: "A note.") var note = ""

    func validate() throws {
        try DayArgument.happened(at, option: "--at")
    }

    func run() throws {
        let store = try options.openDesk().store
        let details = try store.requireDetails(reference)
        let item = try EvidenceLookup.item(item, in: details)
        let recorded = try store.appendCustody(
            CustodyEvent(itemID: item.id, kind: event, at: at?.date ?? Date(), officer: store.officer,
                         location: `where`, note: note))
        print(TextOutput.safe("\(reference): item \(EvidenceID.short(item.id, among: details.evidenceIDs)) \(recorded.kind.label.lowercased()) at \(TextOutput.moment(recorded.at)) by \(recorded.officer)."))
    }
}
