import ArgumentParser
import DeskCore
import DeskStore

struct ExtendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend", abstract: "Record that a deadline's one extension was granted.",
        discussion: """
            For the deadlines the rules allow one extension (the EIO's recognition decision, 30 more \
            days; a European preservation order, 30 more days): the deadline then runs to the \
            extended date in every list, count and letter. `show` names each deadline's rule id \
            after "extendable to".
            """)

    @OptionGroup var options: DeskOptions
    @Argument(help: "The request's reference.") var reference: RequestReference
    @Argument(help: "The deadline rule's id, e.g. eio_recognition_in.") var rule: String

    func run() throws {
        let (store, data) = try options.openDesk()
        let details = try store.requireDetails(reference)
        let extended = try store.grantExtension(id: details.request.id, ruleID: rule)
        let deadline = RequestDeadlines.compute(for: extended, history: details.history, rules: data.deadlineRules)
            .computed.first { $0.ruleID == rule }
        print(TextOutput.safe("\(reference): \(deadline?.label ?? rule) now due \(deadline.map { TextOutput.moment($0.due) } ?? "—")"))
    }
}
