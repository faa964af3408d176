import DeskCore
import GRDB

/// How a query's words select requests, decided once for its count and once for its page: by
/// how many requests they match against ``RequestQuerySQL/broadMatches(deskSize:)``.
///
/// The matches' row numbers are read from the full-text index once (``FullTextMatchCache``
/// keeps them for the page after the count), never again inside the count's or the page's SQL:
/// two words such as `ransomware hosp` cost the index 0.8 ms at 100,000 requests, and the
/// list asked it three times a keystroke (whether broad, the count, the page).
enum WordSelection {
    /// No words to search for.
    case none
    /// Few matches, every one of them: each is looked up in the index of list fields by row
    /// number (``RequestQuerySQL/Drive/matches(_:)``), tested and sorted.
    case few([Int64])
    /// Many matches: counted and paged against the walk of the list's order.
    case many(BroadTextPlan)

    /// How many matches there are is first read no further than the line, unless `memo`
    /// remembers; words alone sorted by due date, an order no index holds, are looked up and
    /// sorted however many they match, since walking that order would sort the whole desk.
    init(_ query: RequestQuery, memo: BreadthMemo, cache: FullTextMatchCache, in db: Database) throws {
        guard let expression = RequestQuerySQL.ftsExpression(query.text) else {
            self = .none
            return
        }
        let known = memo.isBroad(expression)
        let line = try RequestQuerySQL.broadLine(in: db)
        let first = try cache.matches(of: expression, moreThan: known == nil ? line : nil, in: db)
        let broad = known ?? (first.count > line)
        memo.record(expression, broad: broad)
        var rest = query
        rest.text = ""
        let all = broad && known == nil ? try cache.matches(of: expression, in: db) : first
        if !broad || (query.sort == .due && RequestQuerySQL(rest).conditions.isEmpty) {
            self = .few(all)
        } else {
            self = .many(BroadTextPlan(rest: rest, matches: all, memo: memo))
        }
    }

    /// How many of `matches` meet the other conditions of `query` (its words are what
    /// `matches` stands for), each looked up by row number.
    static func count(among matches: [Int64], meeting query: RequestQuery, in db: Database) throws -> Int {
        var rest = query
        rest.text = ""
        guard !RequestQuerySQL(rest).conditions.isEmpty else { return matches.count }
        let sql = RequestQuerySQL(rest, drive: .matches(matches))
        return try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM \(sql.source) \(sql.whereClause)"),
                                arguments: sql.arguments) ?? 0
    }

    /// The row numbers of a page of `query`'s requests among `matches`, in the query's order.
    static func page(among matches: [Int64], of query: RequestQuery, offset: Int, limit: Int,
                     in db: Database) throws -> [Int64] {
        let sql = RequestQuerySQL(query, drive: .matches(matches))
        return try db.cachedStatement(sql: "SELECT num FROM \(sql.source) \(sql.whereClause) \(sql.orderClause) LIMIT ? OFFSET ?")
            .integers(sql.arguments + [limit, offset])
    }
}
