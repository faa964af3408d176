import DeskCore
import Foundation

/// A request as `show --format json` writes it: everything the text shows, the deadlines that
/// run included (each deadline, and the next one the request is listed and counted under, null
/// when none runs).
struct ShownRequest: Encodable {
    var details: RequestDetails
    var deadlines: RequestDeadlines

    func encode(to encoder: any Encoder) throws {
        try details.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(deadlines.all, forKey: .deadlines)
        try container.encode(deadlines.next, forKey: .nextDeadline)
    }

    private enum Key: String, CodingKey { case deadlines, nextDeadline }
}
