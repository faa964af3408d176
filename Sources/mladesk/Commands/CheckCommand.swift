import ArgumentParser
import DeskCore
import DeskStore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Tick a checklist item, mark it not applicable, or reopen it.",
        discussion: "Without --na or --undo the item is marked done. --note adds or replaces the item's note.")

    @OptionGroup var options: DeskOptions
    @Argument(help: "The request's reference.") var reference: RequestReference
    @Argument(help: "The item's id, e.g. core.legal_basis (see `mladesk checklist`).") var item: String
    @Option(help: "Mark the item not applicable, with this reason.") var na: String?
    @Option(help: "A note kept with the item.") var note: String?
    @Flag(help: "Reopen the item (undo done or not applicable).") var undo = false

    func validate() throws {
        if undo && na != nil { throw ValidationError("--undo and --na cannot be used together") }
    }

    func run() throws {
        let (store, _) = try options.openDesk()
        let details = try store.requireDetails(reference)
        var changes: [ChecklistChange] = [undo ? .reopen : na.map { .notApplicable(reason: $0) } ?? .done]
        if let note { changes.append(.note(note)) }
        let updated = try store.changeChecklistItem(requestID: details.request.id, itemID: item, changes)
        let progress = ChecklistProgress(try store.checklist(for: details.request.id))
        print(TextOutput.safe("\(reference): \(ChecklistText.mark(updated)) \(updated.label)  \(progress.meter)"))
    }
}
