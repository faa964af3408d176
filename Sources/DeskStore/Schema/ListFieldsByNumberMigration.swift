import GRDB

/// Format version 8: an index of every request's list fields by row number, through which
/// words that match few requests look up their matches (``RequestQuerySQL/Drive/matches(_:)``).
///
/// Full-text matches come as row numbers. Testing a match against a tab or a filter and
/// sorting it into the list's order read its row from the table — a row of 2 KB or more with
/// its body, one page read per match: 1.3 ms for the 780 matches of `avocet` in the incoming
/// tab of a desk of 100,000 (`sqlite3` shell). The index holds what those tests and orders
/// read in about a hundred bytes a request, so the same matches are looked up in 0.6 ms, and
/// only the page's rows are read from the table.
enum ListFieldsByNumberMigration {
    static let index = "request_by_num"

    /// The row number, then every column the list sorts by or a filter tests.
    static let columns = ["num", "updated_at", "primary_type", "reference"] + ListFieldsInIndexesMigration.listFields

    static func apply(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX \(index) ON request (\(columns.joined(separator: ", ")))")
    }
}
