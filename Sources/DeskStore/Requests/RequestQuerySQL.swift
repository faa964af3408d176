import DeskCore
import Foundation
import GRDB

/// Translates a ``RequestQuery`` into one SQL `WHERE … ORDER BY` with arguments. Every filter
/// has an index behind it; text search goes through the FTS5 table, or through its matches'
/// row numbers once they are read (``WordSelection``).
struct RequestQuerySQL {
    /// The conditions, each on its own, that ``whereClause`` joins.
    var conditions: [String]
    var arguments: StatementArguments
    var orderClause: String
    var drive: Drive

    /// Where SQLite starts a query: left to choose, the list's own order, or the words' matches.
    ///
    /// SQLite knows how many rows an index selects but not how many requests the words match,
    /// and guesses wrongly both ways; the store knows from a capped count (``BreadthMemo``,
    /// ``WordSelection``) and steers by writing conditions as `+column`, which no index serves.
    enum Drive: Equatable {
        /// SQLite chooses among the conditions' indexes.
        case planner
        /// The conditions that no index in the list's order leads with — urgency, `open`, due
        /// dates — are written `+column`, so that SQLite walks the list's order and tests them on
        /// the way (in the index of the updated or field order, format 7) instead of gathering
        /// every request they select and sorting them all for one page:
        /// ``forPage(_:depth:directionFromIndexes:memo:in:)`` chooses. A type is tested by
        /// looking the request up in `request_type` (`EXISTS`), not by building the list of the
        /// type's requests first: 29,000 for `type:preservation` at 100,000, 5 ms for the first
        /// page against 0.3 ms (`sqlite3` shell).
        case listOrder
        /// These row numbers, the words' matches, stand for the words (bound as one JSON array);
        /// every other condition and the order are written `+column`, and the table is read
        /// through `request_by_num` (format 8): SQLite looks up each match in that index, tests
        /// the rest and sorts, reading no row from the table. For words that match few requests
        /// (at most ``broadMatches(deskSize:)``), and for a broad search's count within a large
        /// selection: in a tab of 100,000 requests SQLite drove a word with 50 matches by the
        /// tab's index, testing half the desk (8–11 ms for a page, 6–8 ms for its count; 0.2 ms
        /// looked up).
        case matches([Int64])

        var isMatches: Bool {
            if case .matches = self { true } else { false }
        }
    }

    /// With `directionFromIndexes`, the direction is compared as `+direction`, which keeps
    /// SQLite from driving the query by the direction's own index: the other conditions' indexes
    /// hold the direction too (format version 6, with the other list fields since 7), so it is
    /// checked there without reading rows.
    ///
    /// With `typeListed`, a type is tested against the list of its requests, built once, even
    /// where it would be looked up (``Drive/listOrder``): deep in the list the walk tests so
    /// many requests that the look-ups cost more than the list
    /// (``forPage(_:depth:directionFromIndexes:memo:in:)``).
    init(_ query: RequestQuery, directionFromIndexes: Bool = false, drive: Drive = .planner, typeListed: Bool = false) {
        var (conditions, arguments) = Self.tallyConditions(query, directionFromIndexes: directionFromIndexes, drive: drive)
        let checked = drive == .planner ? "" : "+"
        if let type = query.type {
            let listed = "\(checked)num IN (SELECT request_num FROM request_type WHERE type = ?)"
            let lookedUp = "EXISTS (SELECT 1 FROM request_type WHERE type = ? AND request_num = request.num)"
            conditions.append(drive == .planner || typeListed ? listed : lookedUp)
            arguments += [type.rawValue]
        }
        if let officer = query.officer {
            conditions.append(drive.isMatches ? "+officer = ?" : "officer = ?")
            arguments += [officer]
        }
        if !query.openOnly && (query.overdueAt != nil || query.dueBefore != nil || query.preservationBefore != nil) {
            conditions.append("\(checked)is_open IN (0, 1)")
        }
        let instants: [(String, Date?)] = [
            ("due_at <", query.overdueAt), ("due_at <", query.dueBefore), ("due_at >=", query.dueFrom),
            ("preservation_due_at <", query.preservationBefore),
        ]
        for case let (comparison, instant?) in instants {
            conditions.append("\(checked)\(comparison) ?")
            arguments += [DeskJSON.milliseconds(instant)]
        }
        if case .matches(let matches) = drive {
            conditions.append("num IN (SELECT value FROM json_each(?))")
            arguments += ["[" + matches.map(String.init).joined(separator: ",") + "]"]
        } else if let match = Self.ftsExpression(query.text) {
            conditions.append("num IN (SELECT rowid FROM request_fts WHERE request_fts MATCH ?)")
            arguments += [match]
        }
        self.conditions = conditions
        self.arguments = arguments
        self.drive = drive
        let direction = query.descending ? "DESC" : "ASC"
        let sorted = drive.isMatches ? "+" : ""
        let column: String =
            switch query.sort {
            case .reference: "\(sorted)reference \(direction)"
            case .country: "\(sorted)country \(direction), updated_at DESC"
            case .type: "\(sorted)primary_type \(direction), updated_at DESC"
            case .status: "\(sorted)status \(direction), updated_at DESC"
            case .due: "due_at IS NULL, \(sorted)due_at \(direction)"
            case .officer: "\(sorted)officer \(direction), updated_at DESC"
            case .updated: "\(sorted)updated_at \(direction)"
            }
        orderClause = "ORDER BY \(column), num \(direction)"
    }

    /// The table as the query reads it: through the index of list fields by row number when
    /// matches drive, so that a match is tested and sorted without reading its row.
    var source: String {
        drive.isMatches ? "request INDEXED BY \(ListFieldsByNumberMigration.index)" : "request"
    }

    /// `WHERE` and the conditions, or nothing when there are none.
    var whereClause: String {
        conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    }

    /// More requests than this, in a desk of `deskSize`, make a selection broad: a page of it is
    /// found sooner by walking the list's order and testing each request on the way than by
    /// looking up every request selected and sorting them all. Broad words go to
    /// ``BroadTextPlan``; broad conditions are written for the walk (``forPage(_:depth:directionFromIndexes:memo:in:)``).
    ///
    /// Looking up a match by row number and sorting it costs about a microsecond; the walk takes
    /// deskSize ÷ selected × 100 steps of about 0.25 µs for the first two pages, and within a tab
    /// or a filter it pays for a count of its own. The walk grows with the desk, the look-ups
    /// with the selection, so the two meet near c × √deskSize. Measured keystroke by keystroke,
    /// c ≈ 4: 400 in a desk of 10,000, 1,264 in one of 100,000 (docs/decisions.md, "Paging a
    /// broad search").
    static func broadMatches(deskSize: Int) -> Int {
        4 * Int(Double(max(0, deskSize)).squareRoot())
    }

    /// The number of requests ever written, for ``broadMatches(deskSize:)``: the largest row
    /// number, one look at the end of the table instead of a count.
    static func deskSize(in db: Database) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(num), 0) FROM request")) ?? 0
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
    static func selectsMoreThan(_ line: Int, from: String, arguments: StatementArguments,
                                in db: Database) throws -> Bool {
        let found = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM (SELECT 1 FROM \(from) LIMIT ?)"),
                                     arguments: arguments + [line + 1]) ?? 0
        return found > line
    }

    /// The SQL for a page of `query` without words (``WordSelection`` pages words): written for
    /// the walk of the list's order when its conditions on urgency, `open`, due dates or type
    /// select a broad part of the desk, and left to drive the query otherwise.
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
    ///
    /// A page that ends past the broad line (`depth`: its offset and its length) tests a type
    /// against the list of its requests rather than looking each request up: at offset 20,000
    /// of `type:preservation` at 100,000 the walk tests some 70,000 requests, 28 ms with the list
    /// built, 44 ms looked up (the first page: 5 ms against 0.3 ms).
    static func forPage(_ query: RequestQuery, depth: Int = 0, directionFromIndexes: Bool = false, memo: BreadthMemo,
                        in db: Database) throws -> RequestQuerySQL
    {
        let inFieldOrder = [RequestSort.country, .type, .status, .officer].contains(query.sort)
        let directionFromIndexes = directionFromIndexes || (inFieldOrder && query.direction != nil)
        let driving = RequestQuerySQL(query, directionFromIndexes: directionFromIndexes)
        guard query.sort != .due, query.sort != .reference,
            query.urgency != nil || query.openOnly || query.overdueAt != nil || query.dueBefore != nil || query.type != nil
                || query.dueFrom != nil || query.preservationBefore != nil
        else { return driving }
        var others = query
        others.type = nil
        let rest = RequestQuerySQL(others, directionFromIndexes: directionFromIndexes)
        let selection = query.type.map { type in
            (from: (["request_type JOIN request ON num = request_num WHERE type = ?"] + rest.conditions)
                .joined(separator: " AND "), arguments: [type.rawValue] + rest.arguments)
        } ?? (from: "request \(rest.whereClause)", arguments: rest.arguments)
        let key = selectionKey(from: selection.from, arguments: selection.arguments)
        let line = try broadLine(in: db)
        let broad = try memo.isBroad(key) ?? {
            let found = try selectsMoreThan(line, from: selection.from, arguments: selection.arguments, in: db)
            memo.record(key, broad: found)
            return found
        }()
        return broad ? RequestQuerySQL(query, directionFromIndexes: directionFromIndexes, drive: .listOrder,
                                       typeListed: depth > line) : driving
    }

    /// The conditions on direction, status, country, urgency and `open`: the columns that
    /// `request_count` also holds, so the same conditions count there or filter here.
    static func tallyConditions(_ query: RequestQuery, directionFromIndexes: Bool = false, drive: Drive = .planner)
        -> (conditions: [String], arguments: StatementArguments)
    {
        let checked = drive == .planner ? "" : "+"
        let indexed = drive.isMatches ? "+" : ""
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let direction = query.direction {
            conditions.append(directionFromIndexes || drive.isMatches ? "+direction = ?" : "direction = ?")
            arguments += [direction.rawValue]
        }
        if !query.statuses.isEmpty {
            conditions.append("\(indexed)status IN (\(databaseQuestionMarks(count: query.statuses.count)))")
            arguments += StatementArguments(query.statuses.map(\.rawValue))
        }
        if let country = query.country {
            conditions.append("\(indexed)country = ?")
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

    /// Turns what an officer typed into an FTS5 query (``SearchTerms``), each term quoted so
    /// that punctuation in IP addresses or references is never FTS syntax; nil when nothing is
    /// left to look for.
    static func ftsExpression(_ text: String) -> String? {
        let terms = SearchTerms(text).terms.map { term in
            switch term {
            case .prefix(let words): "\"\(words)\"*"
            case .exact(let words): "\"\(words)\""
            }
        }
        return terms.isEmpty ? nil : terms.joined(separator: " ")
    }
}
