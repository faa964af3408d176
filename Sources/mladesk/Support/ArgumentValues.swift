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
}

/// Output formats shared by the listing commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, table, json, csv
}
