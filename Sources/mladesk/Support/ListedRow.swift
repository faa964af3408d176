import DeskCore
import Foundation

/// A list row as `list --format json` writes it: the row, with its direction spelled out as
/// the CSV has it, so a program need not read it from the reference.
struct ListedRow: Encodable {
    var row: RequestSummary

    func encode(to encoder: any Encoder) throws {
        try row.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(row.direction, forKey: .direction)
    }

    private enum Key: String, CodingKey { case direction }
}
