import ArgumentParser
import DeskCore
import DeskStore
import Foundation

struct EvidenceVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Hash attached files again and record whether they still match.",
        discussion: """
            Each reachable attached file is hashed and compared with the declared hashes, else with \
            the hashes first computed; a verification_passed or verification_failed event is recorded. \
            Files that cannot be reached are reported and nothing is recorded for them. \
            Exit 1 when a file failed or could not be reached.
            """)

    @OptionGroup var options: DeskOptions
    @Argument(help: "The request's reference.") var reference: RequestReference
    @Argument(help: "Only these items (ids or unique prefixes; default all).") var items: [String] = []

    func run() throws {
        let store = try options.openDesk().store
        let details = try store.requireDetails(reference)
        let chosen = try items.map { try EvidenceLookup.item($0, in: details).id }
        let progress = HashProgressLine()
        let results: [AttachedCheck]
        do {
            results = try store.verifyAttached(requestID: details.request.id, itemIDs: chosen.isEmpty ? nil : chosen,
                                               progress: progress.update)
            progress.finish()
        } catch let error as HashingError {
            progress.finish()
            throw CommandFailure(TextOutput.safe(error.description))
        }
        var problems = 0
        for result in results {
            let label = "item \(EvidenceID.short(result.item.id, among: details.evidenceIDs)) \(result.item.description)"
            switch result.outcome {
            case .passed:
                print(TextOutput.safe("passed       \(label)"))
            case let .failed(algorithms):
                problems += 1
                print(TextOutput.safe("FAILED       \(label): \(algorithms.map(\.label).joined(separator: ", ")) differ — \(result.event?.note ?? "")"))
            case let .unreachable(reason):
                problems += 1
                print(TextOutput.safe("unreachable  \(label): \(reason)"))
            case .notAttached:
                print(TextOutput.safe("no file      \(label)"))
            case let .destroyed(at):
                print(TextOutput.safe("destroyed    \(label): at \(TextOutput.moment(at)); nothing is recorded after that"))
            }
        }
        if results.isEmpty { print("\(reference): no evidence items.") }
        if problems > 0 { throw ExitCode(1) }
    }
}
