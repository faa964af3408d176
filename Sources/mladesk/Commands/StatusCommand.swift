import ArgumentParser
import DeskCore
import DeskStore

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Move a request to a new status along its workflow.",
        discussion: """
            A refusal needs --ground; a withdrawal or postponement needs --note with the reason. \
            A status gated by the checklist (e.g. transmitted, accepted) is refused while required items are open.
            """)

    @OptionGroup var options: DeskOptions
    @Argument(help: "The request's reference.") var reference: RequestReference
    @Argument(help: "The new status, e.g. internal_review.") var newStatus: RequestStatus
    @Option(help: "A note kept in the history (the reason, for withdrawal or postponement).") var note = ""
    @Option(help: "The refusal ground, e.g. political_offence.") var ground: String?
    @Option(help: ArgumentHelp(
        "When it happened, if earlier (YYYY-MM-DD or YYYY-MM-DD HH:MM, local time; default now): deadlines count from it.",
        valueName: "time")) var at: DayArgument?
    @Option(help: ArgumentHelp("The channel it was sent or received by, recorded with the step, e.g. central_authority.",
                               valueName: "id")) var channel: String?

    func validate() throws {
        try DayArgument.happened(at, option: "--at")
    }

    func run() throws {
        let (store, data) = try options.openDesk()
        let details = try store.requireDetails(reference)
        if let ground {
            guard data.refusalGround(RefusalGroundID(ground)) != nil else {
                throw CommandFailure("'\(ground)' is not a known refusal ground; known: \(data.refusalGrounds.map(\.id.rawValue).joined(separator: ", ")).")
            }
        }
        if let channel, data.channel(ChannelID(channel)) == nil {
            throw CommandFailure("'\(channel)' is not a known channel; known: \(data.channels.map(\.id.rawValue).joined(separator: ", ")).")
        }
        let updated = try store.changeStatus(
            id: details.request.id, expectedVersion: details.request.version, to: newStatus, note: note,
            ground: ground.map(RefusalGroundID.init(rawValue:)), at: at?.date, channel: channel.map(ChannelID.init(rawValue:)))
        print("\(updated.reference): \(details.request.status.rawValue) → \(updated.status.rawValue)")
    }
}
