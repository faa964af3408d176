import DeskCore
import Foundation
import GRDB

/// Translates a ``RequestQuery`` into one SQL `WHERE … ORDER BY` with arguments. Every filter
/// has an index behind it; text search goes through the FTS5 table.
struct RequestQuerySQL {
    var whereClause: String
    var arguments: StatementArguments
    var orderClause: String

    init(_ query: RequestQuery) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let direction = query.direction {
            conditions.append("direction = ?")
            arguments += [direction.rawValue]
        }
        if !query.statuses.isEmpty {
            conditions.append("status IN (\(Array(repeating: "?", count: query.statuses.count).joined(separator: ", ")))")
            arguments += StatementArguments(query.statuses.map(\.rawValue))
        }
        if let country = query.country {
            conditions.append("country = ?")
            arguments += [country.rawValue.uppercased()]
        }
        if let type = query.type {
            conditions.append("num IN (SELECT request_num FROM request_type WHERE type = ?)")
            arguments += [type.rawValue]
        }
        if let urgency = query.urgency {
            conditions.append("urgency = ?")
            arguments += [urgency.rawValue]
        }
        if let officer = query.officer {
            conditions.append("officer = ?")
            arguments += [officer]
        }
        if query.openOnly || query.overdueAt != nil || query.dueBefore != nil {
            conditions.append("is_open = 1")
        }
        if let overdue = query.overdueAt {
            conditions.append("due_at < ?")
            arguments += [DeskJSON.milliseconds(overdue)]
        }
        if let before = query.dueBefore {
            conditions.append("due_at < ?")
            arguments += [DeskJSON.milliseconds(before)]
        }
        if let match = Self.ftsExpression(query.text) {
            conditions.append("num IN (SELECT rowid FROM request_fts WHERE request_fts MATCH ?)")
            arguments += [match]
        }
        whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        self.arguments = arguments
        let direction = query.descending ? "DESC" : "ASC"
        let column: String =
            switch query.sort {
            case .reference: "reference \(direction)"
            case .country: "country \(direction), updated_at DESC"
            case .type: "primary_type \(direction), updated_at DESC"
            case .status: "status \(direction), updated_at DESC"
            case .due: "due_at IS NULL, due_at \(direction)"
            case .officer: "officer \(direction), updated_at DESC"
            case .updated: "updated_at \(direction)"
            }
        orderClause = "ORDER BY \(column), num \(direction)"
    }

    /// Turns what an officer typed into an FTS5 query: every word must appear, each as a
    /// prefix, quoted so that punctuation in IP addresses or references is never FTS syntax.
    /// A word of one ASCII letter or digit is left out: as a prefix it matches nearly every
    /// request, costs a scan of the whole index on every keystroke, and narrows nothing.
    static func ftsExpression(_ text: String) -> String? {
        let words = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        let terms = words.compactMap { word -> String? in
            let cleaned = word.replacingOccurrences(of: "\"", with: " ").trimmingCharacters(in: .whitespaces)
            guard cleaned.contains(where: { $0.isLetter || $0.isNumber }) else { return nil }
            if cleaned.count == 1, cleaned.first?.isASCII == true { return nil }
            return "\"\(cleaned)\"*"
        }
        return terms.isEmpty ? nil : terms.joined(separator: " ")
    }
}
