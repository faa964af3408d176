import GRDB

/// Format version 7: the indexes the list walks in the updated and field orders hold the
/// list's whole order and the list fields a filter tests (the reference order's indexes do not).
///
/// A page of the list walks an index in the list's order and keeps the requests that match.
/// The indexes held only what they are sorted by (and the direction), so every request walked
/// was read from the table to test its status, urgency or due date — a 2 KB row with its body,
/// a page read each. At 100,000 requests `country:DE status:in_execution` read over a thousand
/// rows for its first screen (3.4 ms in the `sqlite3` shell); with the fields in the index only
/// the rows shown are read (0.6 ms). The same holds the tests of `urgency:`, `open`, `overdue`
/// and `due:` while the list's own order is walked (``RequestQuerySQL/forPage(_:depth:directionFromIndexes:memo:in:)``).
///
/// Each index names `num` right after the columns it is sorted on: the list's order ends with
/// `num`, and fields placed before it would leave requests updated in the same millisecond
/// unordered, for SQLite to sort — and a page deep in the list would then read every request
/// before it from the table (170 ms at offset 50,000 of 100,000, against 3 ms). The field
/// indexes of format 6 had that fault with their direction; these do not.
enum ListFieldsInIndexesMigration {
    /// The list fields a filter tests.
    static let listFields = ["direction", "status", "country", "officer", "urgency", "is_open", "due_at"]

    /// Each index by the list order it serves, ending with `num`.
    static let indexes: [(name: String, order: [String])] = [
        ("request_by_country", ["country", "updated_at", "num"]),
        ("request_by_officer", ["officer", "updated_at", "num"]),
        ("request_by_status", ["status", "updated_at", "num"]),
        ("request_by_type_sort", ["primary_type", "updated_at", "num"]),
        ("request_by_updated", ["direction", "updated_at", "num"]),
        ("request_by_all_updated", ["updated_at", "num"]),
    ]

    /// The columns of an index serving `order`: those, then the list fields it lacks.
    static func columns(order: [String]) -> [String] {
        order + listFields.filter { !order.contains($0) }
    }

    static func apply(_ db: Database) throws {
        for (name, order) in indexes {
            try db.execute(sql: """
                DROP INDEX \(name);
                CREATE INDEX \(name) ON request (\(columns(order: order).joined(separator: ", ")));
                """)
        }
    }
}
