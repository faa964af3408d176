/// The forms a report is written in: aligned text for the terminal, Markdown for a document,
/// CSV for a spreadsheet.
public enum ReportFormat: String, Sendable, CaseIterable, Codable {
    case text
    case markdown
    case csv
}
