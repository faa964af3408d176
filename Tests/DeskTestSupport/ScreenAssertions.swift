import Testing
import TermUI

/// Checks that a rendered screen shows exactly `rows` (trailing spaces ignored, missing rows
/// blank), recording a row-by-row diff when it does not, so a failing layout test says which
/// row and column moved instead of printing two walls of text.
public func assertScreen(_ screen: Screen, equals rows: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    if let report = screen.textDifferences(from: rows) {
        let actual = screen.lines().enumerated().map { String(format: "%2d|", $0.offset) + $0.element }
        Issue.record("screen differs:\n\(report)\nwhole screen:\n\(actual.joined(separator: "\n"))",
                     sourceLocation: sourceLocation)
    }
}

/// Checks the style role of every cell of `text` where it first appears on the screen, so
/// tests speak of meaning (overdue, selected, error) and never of colours.
public func assertRole(_ screen: Screen, of text: String, is role: StyleRole,
                       sourceLocation: SourceLocation = #_sourceLocation) {
    guard let position = screen.position(of: text) else {
        Issue.record("“\(text)” is not on the screen", sourceLocation: sourceLocation)
        return
    }
    let width = DisplayWidth.of(text)
    let roles = (0..<width).map { screen.role(atX: position.x + $0, y: position.y) }
    if roles.contains(where: { $0 != role }) {
        Issue.record("“\(text)” at row \(position.y) has roles \(roles.map(\.rawValue)), expected \(role.rawValue)",
                     sourceLocation: sourceLocation)
    }
}

extension Screen {
    /// Where `text` first appears (display columns), or nil.
    public func position(of text: String) -> Point? {
        for (y, line) in lines().enumerated() {
            guard let range = line.range(of: text) else { continue }
            return Point(x: DisplayWidth.of(String(line[..<range.lowerBound])), y: y)
        }
        return nil
    }

    /// Whether any row contains `text`.
    public func contains(_ text: String) -> Bool { position(of: text) != nil }
}
