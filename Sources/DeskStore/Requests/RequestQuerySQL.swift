import DeskCore
import Foundation
import GRDB

/// Translates a ``RequestQuery`` into one SQL `WHERE … ORDER BY` with arguments. Every filter
/// has an index behind it; text search goes through the FTS5 table.
struct RequestQuerySQL {
    /// The conditions, each on its own, that ``whereClause`` joins.
    var conditions: [String]
    var arguments: StatementArguments
    var orderClause: String

    /// With `directionFromIndexes`, the direction is compared as `+direction`, which keeps
    /// SQLite from driving the query by the direction's own index: the other conditions' indexes
    /// hold the direction too (format version 6, with the other list fields since 7), so it is
    /// checked there without reading rows.
    ///
    /// With `walkingOrder`, the conditions that no index in the list's order leads with —
    /// urgency, `open`, due dates, type — are written `+column` too, so that SQLite walks the
    /// list's order and tests them on the way (in the index of the updated or field order,
    /// format 7) instead of gathering every request they select and sorting them all for one
    /// page: ``forPage(_:directionFromIndexes:memo:in:)`` chooses.
    init(_ query: RequestQuery, directionFromIndexes: Bool = false, walkingOrder: Bool = false) {
        var (conditions, arguments) = Self.tallyConditions(query, directionFromIndexes: directionFromIndexes,
                                                           walkingOrder: walkingOrder)
        let checked = walkingOrder ? "+" : ""
        if let type = query.type {
            conditions.append("\(checked)num IN (SELECT request_num FROM request_type WHERE type = ?)")
            arguments += [type.rawValue]
        }
        if let officer = query.officer {
            conditions.append("officer = ?")
            arguments += [officer]
        }
        if !query.openOnly && (query.overdueAt != nil || query.dueBefore != nil) {
            conditions.append("\(checked)is_open = 1")
        }
        if let overdue = query.overdueAt {
            conditions.append("\(checked)due_at < ?")
            arguments += [DeskJSON.milliseconds(overdue)]
        }
        if let before = query.dueBefore {
            conditions.append("\(checked)due_at < ?")
            arguments += [DeskJSON.milliseconds(before)]
        }
        if let match = Self.ftsExpression(query.text) {
            conditions.append("num IN (SELECT rowid FROM request_fts WHERE request_fts MATCH ?)")
            arguments += [match]
        }
        self.conditions = conditions
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

    /// `WHERE` and the conditions, or nothing when there are none.
    var whereClause: String {
        conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    }

    /// More requests than this, in a desk of `deskSize`, make a selection broad: a page of it is
    /// found sooner by walking the list's order and testing each request on the way than by
    /// looking up every request selected and sorting them all. Broad words go to
    /// ``BroadTextPlan``; broad conditions are written for the walk (``forPage(_:directionFromIndexes:memo:in:)``).
    ///
    /// Looking up and sorting costs a few microseconds a request selected; the walk takes
    /// deskSize ÷ selected × 100 steps of about 0.1 µs for the first two pages: the walk grows
    /// with the desk, the look-ups with the selection, so the two meet near c × √deskSize.
    /// Measured keystroke by keystroke for words, c ≈ √3: 173 in a desk of 10,000, 547 in one of
    /// 100,000 (docs/decisions.md, "Paging a broad search").
    static func broadMatches(deskSize: Int) -> Int {
        Int((3 * Double(max(0, deskSize))).squareRoot())
    }

    /// The number of requests ever written, for ``broadMatches(deskSize:)``: the largest row
    /// number, one look at the end of the table instead of a count.
    static func deskSize(in db: Database) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(num), 0) FROM request")) ?? 0
    }

    /// Whether the query's text is broad (``broadMatches(deskSize:)``): as `memo` remembers
    /// it, or found by counting no further than that in the full-text index.
    static func isBroadText(_ query: RequestQuery, memo: BreadthMemo, in db: Database) throws -> Bool {
        guard let match = ftsExpression(query.text) else { return false }
        if let known = memo.isBroad(match) { return known }
        let broad = try selectsMoreThan(try broadLine(in: db), from: "request_fts WHERE request_fts MATCH ?",
                                        arguments: [match], in: db)
        memo.record(match, broad: broad)
        return broad
    }

    /// How ``BreadthMemo`` knows a selection of rows: never a full-text expression, which starts
    /// with a quote.
    static func selectionKey(from: String, arguments: StatementArguments) -> String {
        "\(from) \(arguments)"
    }

    /// ``broadMatches(deskSize:)`` for the desk `db` holds.
    static func broadLine(in db: Database) throws -> Int {
        broadMatches(deskSize: try deskSize(in: db))
    }

    /// Whether `SELECT … FROM from` gives more than `line` rows, read no further than that.
    private static func selectsMoreThan(_ line: Int, from: String, arguments: StatementArguments,
                                        in db: Database) throws -> Bool {
        let found = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM (SELECT 1 FROM \(from) LIMIT ?)"),
                                     arguments: arguments + [line + 1]) ?? 0
        return found > line
    }

    /// The SQL for a page of `query` without words (broad words go to ``BroadTextPlan``):
    /// written for the walk of the list's order when its conditions on urgency, `open`, due
    /// dates or type select a broad part of the desk, and left to drive the query otherwise.
    ///
    /// SQLite takes such a condition's index to drive the query — `urgency:urgent` gathered
    /// 15,000 requests at 100,000 and sorted them to show 100 (30 ms), `open` 34,000 (65 ms),
    /// `type:preservation` 29,000 (60 ms) — while a rare value (a well-kept desk's few overdue
    /// requests) is found fastest that way. How many a query selects is counted no further than
    /// ``broadMatches(deskSize:)``, through the index that drives it (a type's through
    /// `request_type` joined to the requests, so that the count stops early). Sorted by due date
    /// or by reference, whose indexes do not hold the list fields, the query is left as it is.
    ///
    /// In a field's order within a tab the direction is tested in the field's index too: SQLite
    /// otherwise took the direction's index and sorted the whole tab (94 ms for the incoming
    /// requests by country at 100,000; 0.2 ms walking the country index).
    static func forPage(_ query: RequestQuery, directionFromIndexes: Bool = false, memo: BreadthMemo,
                        in db: Database) throws -> RequestQuerySQL
    {
        let inFieldOrder = [RequestSort.country, .type, .status, .officer].contains(query.sort)
        let directionFromIndexes = directionFromIndexes || (inFieldOrder && query.direction != nil)
        let driving = RequestQuerySQL(query, directionFromIndexes: directionFromIndexes)
        guard query.sort != .due, query.sort != .reference, ftsExpression(query.text) == nil,
            query.urgency != nil || query.openOnly || query.overdueAt != nil || query.dueBefore != nil || query.type != nil
        else { return driving }
        var others = query
        others.type = nil
        let rest = RequestQuerySQL(others, directionFromIndexes: directionFromIndexes)
        let selection = query.type.map { type in
            (from: (["request_type JOIN request ON num = request_num WHERE type = ?"] + rest.conditions)
                .joined(separator: " AND "), arguments: [type.rawValue] + rest.arguments)
        } ?? (from: "request \(rest.whereClause)", arguments: rest.arguments)
        let key = selectionKey(from: selection.from, arguments: selection.arguments)
        let broad = try memo.isBroad(key) ?? {
            let found = try selectsMoreThan(try broadLine(in: db), from: selection.from, arguments: selection.arguments, in: db)
            memo.record(key, broad: found)
            return found
        }()
        return broad ? RequestQuerySQL(query, directionFromIndexes: directionFromIndexes, walkingOrder: true) : driving
    }

    /// The conditions on direction, status, country, urgency and `open`: the columns that
    /// `request_count` also holds, so the same conditions count there or filter here.
    static func tallyConditions(_ query: RequestQuery, directionFromIndexes: Bool = false, walkingOrder: Bool = false)
        -> (conditions: [String], arguments: StatementArguments)
    {
        let checked = walkingOrder ? "+" : ""
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let direction = query.direction {
            conditions.append(directionFromIndexes ? "+direction = ?" : "direction = ?")
            arguments += [direction.rawValue]
        }
        if !query.statuses.isEmpty {
            conditions.append("status IN (\(databaseQuestionMarks(count: query.statuses.count)))")
            arguments += StatementArguments(query.statuses.map(\.rawValue))
        }
        if let country = query.country {
            conditions.append("country = ?")
            arguments += [country.rawValue.uppercased()]
        }
        if let urgency = query.urgency {
            conditions.append("\(checked)urgency = ?")
            arguments += [urgency.rawValue]
        }
        if query.openOnly {
            conditions.append("\(checked)is_open = 1")
        }
        return (conditions, arguments)
    }

    /// Turns what an officer typed into an FTS5 query: every word must appear, quoted so that
    /// punctuation in IP addresses or references is never FTS syntax. A word of three or more
    /// characters matches as a prefix (through the three-character prefix index). A word of
    /// two ASCII characters — a country code, an initial pair — matches whole words only: as a
    /// prefix it matches most of the desk and narrows nothing. A word of one ASCII letter or
    /// digit is left out for the same reason.
    static func ftsExpression(_ text: String) -> String? {
        let words = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        let terms = words.compactMap { word -> String? in
            let cleaned = word.replacingOccurrences(of: "\"", with: " ").trimmingCharacters(in: .whitespaces)
            guard cleaned.contains(where: { $0.isLetter || $0.isNumber }) else { return nil }
            let short = cleaned.allSatisfy(\.isASCII) && cleaned.count <= 2
            if short && cleaned.count == 1 { return nil }
            return short ? "\"\(cleaned)\"" : "\"\(cleaned)\"*"
        }
        return terms.isEmpty ? nil : terms.joined(separator: " ")
    }
}
