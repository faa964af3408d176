import ArgumentParser
import DeskCore
import DeskStore
import Foundation

struct EvidenceAttachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attach", abstract: "Hash a file for an item recorded without one.",
        discussion: "Refused when the item already has computed hashes; `evidence verify` hashes it again. Exit 1 on a mismatch with a declared hash (recorded, with both values).")

    @OptionGroup var options: DeskOptions
    @Argument(help: "The request's reference.") var reference: RequestReference
    @Argument(help: "The item id (or a unique prefix).") var item: String
    @Argument(help: "The file.") var file: String

    func run() throws {
        let store = try options.openDesk().store
        let details = try store.requireDetails(reference)
        let item = try EvidenceLookup.item(item, in: details)
        let progress = HashProgressLine()
        let result: HashedEvidence
        do {
            result = try store.attach(RawArguments.path(file), to: item.id, progress: progress.update)
            progress.finish()
        } catch let error as HashingError {
            progress.finish()
            throw CommandFailure("\(TextOutput.safe(error.description)); nothing was recorded.")
        }
        let updated = result.items[0]
        let recorded = try store.requireDetails(reference)
        print(EvidenceText.hashed(updated, in: recorded))
        if updated.verification == .mismatch {
            throw CommandFailure("recorded, but the declared and computed hashes of item \(EvidenceID.short(updated.id, among: recorded.evidenceIDs)) differ.")
        }
    }
}
