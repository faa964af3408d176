import DeskCore
import GRDB

/// Counts and pages a query whose words match many requests (more than
/// ``RequestQuerySQL/broadMatches(deskSize:)``: `sta`, `ransom`, or the same within a tab
/// or with `country:DE`; ``WordSelection``) by intersecting two sorted lists of row numbers in
/// memory instead of inside SQLite.
///
/// SQLite answers `… num IN (SELECT rowid FROM request_fts WHERE request_fts MATCH ?)` by
/// building a temporary index of every match — 54,000 for "sta" at 100,000 requests, some
/// 15 ms — and builds it again for the page, after counting the matches in a pass of its own.
/// FTS5 hands its matches over in ascending row order in a few milliseconds; they are read once
/// for the count and the page (their number is the count of words alone), the other conditions
/// select their rows through their own indexes, and a binary search per row replaces the
/// temporary index. Both plans give the same rows in the same order (the page walks the same
/// `ORDER BY`), which a test checks.
struct BroadTextPlan {
    /// The query without its words: the conditions SQLite still applies.
    private let rest: RequestQuery
    /// Whether `rest` filters more than the direction, which is then checked in the other
    /// fields' indexes.
    private let filtersFields: Bool
    private let memo: BreadthMemo
    /// Row numbers of every full-text match, ascending.
    private let matches: [Int64]

    /// `rest` is the query without its words, `matches` every match of the words, ascending.
    init(rest: RequestQuery, matches: [Int64], memo: BreadthMemo) {
        var otherThanDirection = rest
        otherThanDirection.direction = nil
        self.rest = rest
        filtersFields = !RequestQuerySQL(otherThanDirection).conditions.isEmpty
        self.memo = memo
        self.matches = matches
    }

    /// The matches that meet the other conditions: counted on the walk of those conditions'
    /// rows, or by looking up each match when the conditions select more than
    /// ``lookupCost`` times as many requests (a tab holds half the desk). Whether they do is
    /// counted first, no further than that, in SQL (about a fifth of the walk's cost a row).
    /// Matches of a quarter of the desk or more (`sta`, half of it) are never looked up, and
    /// the conditions' requests are not counted to find that out.
    func count(in db: Database) throws -> Int {
        let selection = RequestQuerySQL(rest, directionFromIndexes: filtersFields)
        guard !selection.whereClause.isEmpty else { return matches.count }
        let line = matches.count * Self.lookupCost
        if try line < RequestQuerySQL.deskSize(in: db),
            try RequestQuerySQL.selectsMoreThan(line, from: "request \(selection.whereClause)",
                                                arguments: selection.arguments, in: db) {
            return try WordSelection.count(among: matches, meeting: rest, in: db)
        }
        var total = 0
        let statement = try db.cachedStatement(sql: "SELECT num FROM request \(selection.whereClause)")
        try statement.forEachInteger(selection.arguments) { num in
            if contains(num) { total += 1 }
            return true
        }
        return total
    }

    /// How many requests of the other conditions' selection the walk tests in the time it
    /// takes to look up one match and test it: at 100,000 requests the 44,800 incoming ones
    /// were walked in 11 ms, and the 8,561 matches of `nig` looked up in 8.5 ms.
    static let lookupCost = 4

    /// Row numbers of the page, in the query's order; the other conditions written for the walk
    /// when they select many (``RequestQuerySQL/forPage(_:depth:directionFromIndexes:memo:in:)``).
    func page(offset: Int, limit: Int, in db: Database) throws -> [Int64] {
        guard limit > 0 else { return [] }
        let walk = try RequestQuerySQL.forPage(rest, depth: offset + limit, directionFromIndexes: filtersFields, memo: memo, in: db)
        var skipped = 0
        var page: [Int64] = []
        try db.cachedStatement(sql: "SELECT num FROM request \(walk.whereClause) \(walk.orderClause)")
            .forEachInteger(walk.arguments) { num in
                guard contains(num) else { return true }
                if skipped < offset {
                    skipped += 1
                } else {
                    page.append(num)
                }
                return page.count < limit
            }
        return page
    }

    private func contains(_ num: Int64) -> Bool {
        var low = 0
        var high = matches.count
        while low < high {
            let middle = (low + high) / 2
            if matches[middle] < num { low = middle + 1 } else { high = middle }
        }
        return low < matches.count && matches[low] == num
    }
}
