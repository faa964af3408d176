import CSV
import DeskCore
import Foundation
import TermUI

/// Text for people on a terminal: every stored string passes the one sanitiser, so a hostile
/// note cannot move the cursor or retitle the window; columns align by display width.
enum TextOutput {
    static func safe(_ text: String) -> String {
        Sanitiser.visible(text)
    }

    /// ``safe`` line by line, the line breaks kept: for messages of several lines that quote
    /// what was typed, such as the argument parser's usage errors.
    static func safeLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { safe(String($0)) }.joined(separator: "\n")
    }

    /// CSV (RFC 4180) with a header row. Cells are made ``safe`` as in every other output: CSV
    /// is read in terminals and spreadsheets as often as by programs, which JSON serves exactly.
    /// For the same reason a cell a spreadsheet would run as a formula (`=HYPERLINK(…)` in a
    /// counterpart's text) starts with an apostrophe, which spreadsheets show as text.
    static func csv(header: [String], rows: [[String]]) throws -> String {
        let writer = try CSVWriter(stream: .toMemory())
        try writer.write(row: header)
        for row in rows { try writer.write(row: row.map { inert(safe($0)) }) }
        writer.stream.close()
        let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// `cell`, made text for a spreadsheet when it starts as a formula would.
    static func inert(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return cell }
        return "'" + cell
    }

    /// A table with a header, columns as wide as their widest cell (capped), separated by two spaces.
    static func table(header: [String], rows: [[String]], maxColumnWidth: Int = 40) -> String {
        let cleanRows = rows.map { $0.map(safe) }
        var widths = header.map(DisplayWidth.of)
        for row in cleanRows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = min(maxColumnWidth, max(widths[index], DisplayWidth.of(cell)))
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? DisplayWidth.truncate(cell, to: widths[index]) : DisplayWidth.pad(cell, to: widths[index])
            }.joined(separator: "  ")
        }
        return ([line(header)] + cleanRows.map(line)).joined(separator: "\n")
    }

    static func day(_ date: Date?) -> String {
        date.map { LocalTime.formatDay($0) } ?? "—"
    }

    static func moment(_ date: Date?) -> String {
        date.map { LocalTime.format($0) } ?? "—"
    }

    /// JSON for programs, safe on a terminal too: the characters a terminal would obey or that
    /// reorder a line (C1 controls such as CSI, bidi overrides and isolates, line separators) are
    /// written as `\u` escapes, which mean the same to any JSON reader. They can only stand
    /// inside strings, where an escape is always allowed.
    static func json<T: Encodable>(_ value: T) throws -> String {
        escapingTerminalControls(String(decoding: try DeskJSON.encoder(pretty: true).encode(value), as: UTF8.self))
    }

    /// JSON text with the characters ``json(_:)`` escapes written as `\u` escapes.
    static func escapingTerminalControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: Sanitiser.mustBeEscaped) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if Sanitiser.mustBeEscaped(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

}

extension TextOutput {
    /// `1 request`, `2 requests`: a count with its noun, in the plural when it is not one.
    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
