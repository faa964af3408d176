import ArgumentParser
import DeskCore
import DeskStore
import Foundation

struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda", abstract: "What falls due in the coming days, overdue first, oldest first.",
        discussion: "Legal deadlines, chase dates and manual due dates of open requests, from the deadline rules.")

    @OptionGroup var options: DeskOptions
    @Option(parsing: .unconditional, help: "How many days ahead to look.") var days = 14
    @Option(help: OutputFormat.help) var format: OutputFormat = .text

    /// As far ahead as the longest period a deadline rule may give.
    static let longestHorizon = DeadlinePeriod.longest.hours / 24

    func validate() throws {
        guard (0...Self.longestHorizon).contains(days) else { throw ValidationError("--days must be between 0 and \(Self.longestHorizon)") }
    }

    func run() throws {
        let (store, _) = try options.openDesk()
        let now = Date()
        let entries = try store.agenda(now: now, days: days)
        if format == .json {
            print(try TextOutput.json(entries))
            return
        }
        if entries.isEmpty {
            print("Nothing falls due within \(days) days.")
            return
        }
        print(TextOutput.table(
            header: ["Due", "", "Reference", "Country", "Status", "Deadline", "Officer"],
            rows: entries.map { entry in
                [TextOutput.moment(entry.deadline.due), marker(entry, now: now), entry.reference.description,
                 entry.country.rawValue, entry.status.rawValue, label(entry), entry.officer]
            }, maxColumnWidth: 60))
        let preservations = Agenda.preservationsExpiring(entries)
        if !preservations.isEmpty {
            print("\nPreservations expiring: " + preservations.map(\.reference.description).joined(separator: ", "))
        }
    }

    private func marker(_ entry: AgendaEntry, now: Date) -> String {
        if entry.isOverdue { return "OVERDUE" }
        return entry.deadline.isWarning(at: now) ? "soon" : ""
    }

    private func label(_ entry: AgendaEntry) -> String {
        guard let extended = entry.deadline.extendedDue else { return entry.deadline.label }
        return entry.deadline.label + " (extendable to \(TextOutput.day(extended)))"
    }
}
