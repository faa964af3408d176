import ArgumentParser
import DeskCore
import Foundation

extension Direction: ExpressibleByArgument {}
extension RequestStatus: ExpressibleByArgument {}
extension Urgency: ExpressibleByArgument {}
extension RequestSort: ExpressibleByArgument {}

extension RequestReference: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// A calendar day or moment typed on the command line (`2026-11-29` or `2026-11-29 14:30`, local time).
struct DayArgument: ExpressibleByArgument {
    var date: Date
    init?(argument: String) {
        guard let date = LocalTime.parse(argument) else { return nil }
        self.date = date
    }
    static var defaultCompletionKind: CompletionKind { .default }

    /// Refuses a moment still to come for what must already have happened (an exchange, a
    /// custody event), as the desk's forms do.
    static func happened(_ moment: DayArgument?, option: String, now: Date = Date()) throws {
        guard let moment else { return }
        if let early = RecordTime.tooEarly(moment.date, "\(option) \(LocalTime.format(moment.date))") { throw ValidationError(early) }
        guard moment.date > now else { return }
        throw ValidationError("\(option) \(LocalTime.format(moment.date)) is later than now (\(LocalTime.format(now))): record what has happened")
    }
}

/// The output of the commands that show records: words for people, or JSON for programs.
/// Each command's type lists only what it writes, so help and completions offer nothing else.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json

    static let help: ArgumentHelp = "How to write it: text (for people) or json (for programs)."
}

/// The output of `list`: a table for people, JSON or CSV for programs.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv

    static let help: ArgumentHelp = "How to write it: table (for people), json or csv (for programs)."
}
