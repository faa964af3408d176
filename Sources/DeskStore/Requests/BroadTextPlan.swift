import DeskCore
import GRDB

/// Counts and pages a query whose words match thousands of requests and that also filters on
/// other fields (`country:DE sta`, or any search within a tab), by intersecting two sorted
/// lists of row numbers in memory instead of inside SQLite.
///
/// SQLite answers `… AND num IN (SELECT rowid FROM request_fts WHERE request_fts MATCH ?)` by
/// building a temporary index of every match — 54,000 for "sta" at 100,000 requests, some
/// 15 ms — and builds it again for the page. FTS5 hands its matches over in ascending row order
/// in a few milliseconds, and the other conditions select their rows through their own
/// indexes; a binary search per row then replaces the temporary index. Both plans give the same
/// rows in the same order (the page walks the same `ORDER BY`), which a test checks.
struct BroadTextPlan {
    /// The query without its words: the conditions SQLite still applies, the direction checked
    /// in the other fields' indexes when there are other fields.
    private let rest: RequestQuerySQL
    /// Row numbers of every full-text match, ascending.
    private let matches: [Int64]

    /// `nil` unless the query has words matching more than ``RequestQuerySQL/broadTextMatches``
    /// requests and at least one other condition (words alone are counted in the full-text
    /// index and paged by walking the order index, both already cheap).
    init?(_ query: RequestQuery, memo: TextBreadthMemo, cache: FullTextMatchCache, in db: Database) throws {
        guard let expression = RequestQuerySQL.ftsExpression(query.text) else { return nil }
        var withoutText = query
        withoutText.text = ""
        var otherThanDirection = withoutText
        otherThanDirection.direction = nil
        let filtersFields = !RequestQuerySQL(otherThanDirection).whereClause.isEmpty
        let rest = RequestQuerySQL(withoutText, directionFromIndexes: filtersFields)
        guard !rest.whereClause.isEmpty, try RequestQuerySQL.isBroadText(query, memo: memo, in: db) else { return nil }
        self.rest = rest
        matches = try cache.matches(of: expression, in: db) {
            try db.cachedStatement(sql: "SELECT rowid FROM request_fts WHERE request_fts MATCH ? ORDER BY rowid")
                .integers([expression])
        }
    }

    func count(in db: Database) throws -> Int {
        var total = 0
        try db.cachedStatement(sql: "SELECT num FROM request \(rest.whereClause)").forEachInteger(rest.arguments) { num in
            if contains(num) { total += 1 }
            return true
        }
        return total
    }

    /// Row numbers of the page, in the query's order.
    func page(offset: Int, limit: Int, in db: Database) throws -> [Int64] {
        guard limit > 0 else { return [] }
        var skipped = 0
        var page: [Int64] = []
        try db.cachedStatement(sql: "SELECT num FROM request \(rest.whereClause) \(rest.orderClause)")
            .forEachInteger(rest.arguments) { num in
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
