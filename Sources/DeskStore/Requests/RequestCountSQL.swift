import DeskCore
import GRDB

/// The cheapest exact count for a ``RequestQuery`` without words (``WordSelection`` counts
/// words): the list shows "41–62 of N" after every keystroke, so the count must not cost a pass
/// over the whole desk when it can be avoided.
///
/// - Direction, status, country, urgency and `open` only (the tabs, the home page's figures,
///   most field filters): summed from `request_count`, a few hundred rows whatever the size
///   of the desk.
/// - A type with any of those, or alone: summed from `request_type_count` (format 9) the same
///   way; looking up each of `type:preservation`'s 29,000 requests took 54 ms at 100,000, and
///   testing the incoming tab's against them 26–34 ms.
/// - Anything else: `COUNT(*)` with the query's own `WHERE`, through its indexes.
///
/// The cases are recognised by comparing the query with one rebuilt from only the parts a
/// case uses, so a filter added to ``RequestQuery`` later falls to the general count.
struct RequestCountSQL {
    var sql: String
    var arguments: StatementArguments

    /// Text in `query` that makes no search (``RequestQuerySQL/ftsExpression(_:)``: single
    /// letters, punctuation) is no condition and is left out.
    init(_ query: RequestQuery) {
        var query = query
        query.text = ""
        var tallied = RequestQuery(direction: query.direction, statuses: query.statuses, sort: query.sort,
                                   descending: query.descending)
        tallied.country = query.country
        tallied.urgency = query.urgency
        tallied.openOnly = query.openOnly
        if query == tallied {
            (sql, arguments) = Self.tallied(query)
            return
        }
        if let type = query.type {
            var typed = tallied
            typed.type = type
            if query == typed {
                let (conditions, tallyArguments) = RequestQuerySQL.tallyConditions(query)
                sql = "SELECT COALESCE(SUM(n), 0) FROM request_type_count WHERE "
                    + (["type = ?"] + conditions).joined(separator: " AND ")
                arguments = [type.rawValue] + tallyArguments
                return
            }
        }
        let filtered = RequestQuerySQL(query)
        sql = "SELECT COUNT(*) FROM request \(filtered.whereClause)"
        arguments = filtered.arguments
    }

    private static func tallied(_ query: RequestQuery) -> (String, StatementArguments) {
        let (conditions, arguments) = RequestQuerySQL.tallyConditions(query)
        let clause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return ("SELECT COALESCE(SUM(n), 0) FROM request_count \(clause)", arguments)
    }
}
