import Foundation
import ArgumentParser
import DeskCore
import DeskStore

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "Print the audit trail, of the desk or one request.")

    @OptionGroup var options: DeskOptions
    @Argument(help: "Only this request.") var reference: RequestReference?
    @Option(help: "Only entries from this day on (YYYY-MM-DD).") var since: DayArgument?
    @Option(help: OutputFormat.help) var format: OutputFormat = .text

    func run() throws {
        let (store, _) = try options.openDesk()
        var requestID: UUID?
        if let reference {
            let details = try store.requireDetails(reference)
            requestID = details.request.id
        }
        let entries = try store.auditTrail(requestID: requestID, since: since?.date)
        if format == .json {
            print(try TextOutput.json(entries))
            return
        }
        for entry in entries {
            print(TextOutput.safe("\(entry.sequence)  \(TextOutput.moment(entry.at))  \(entry.officer)  \(entry.action)  \(entry.entity)  \(entry.detail)"))
        }
    }
}
