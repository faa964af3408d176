import ArgumentParser
import DeskCore
import DeskStore
import Foundation

extension ReportFormat: ExpressibleByArgument {}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Counts, turnaround and refusals: how long requests take, and with whom.",
        discussion: """
            Requests count in the period by the day they were sent or received (unsent ones by the day \
            they were created); --from and --to are days in local time, both included. Turnaround is \
            given as median and 90th percentile by the nearest-rank method.
            """)

    @OptionGroup var options: DeskOptions
    @Option(help: "First day included (YYYY-MM-DD, local time).") var from: DayArgument?
    @Option(help: "Last day included (YYYY-MM-DD, local time).") var to: DayArgument?
    @Option(help: "text, markdown or csv.") var format: ReportFormat = .text
    @Flag(help: "Draw bar charts with # instead of block characters.") var ascii = false

    func validate() throws {
        if let from, let to, to.date < from.date { throw ValidationError("--to is before --from") }
    }

    func run() throws {
        let (store, reference) = try options.openDesk()
        let until = to.map { Calendar.current.date(byAdding: .day, value: 1, to: Calendar.current.startOfDay(for: $0.date)) ?? $0.date }
        let model = try store.report(from: from.map(\.date), until: until, now: Date(), reference: reference)
        switch format {
        case .csv:
            print(try TextOutput.csv(header: ReportRows.header, rows: ReportRows.rows(model)))
        case .text, .markdown:
            let text = ReportText.render(model, markdown: format == .markdown, glyph: ascii ? .hash : .block)
            print(text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { TextOutput.safe(String($0)) }
                .joined(separator: "\n"))
        }
    }
}
