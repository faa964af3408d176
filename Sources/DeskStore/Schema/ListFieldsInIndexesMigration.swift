import GRDB

/// Format version 7: every index the list walks in its order also holds the list fields a
/// filter tests.
///
/// A page of the list walks an index in the list's order and keeps the requests that match.
/// The indexes held only what they are sorted by (and the direction), so every request walked
/// was read from the table to test its status, urgency or due date — a 2 KB row with its body,
/// a page read each. At 100,000 requests `country:DE status:in_execution` read over a thousand
/// rows for its first screen (3.4 ms in the `sqlite3` shell); with the fields in the index only
/// the rows shown are read (0.6 ms). The same holds the tests of `urgency:`, `open`, `overdue`
/// and `due:` while the list's own order is walked (``RequestQuerySQL/forPage(_:directionFromIndexes:in:)``).
enum ListFieldsInIndexesMigration {
    /// The list fields a filter tests.
    static let listFields = ["direction", "status", "country", "officer", "urgency", "is_open", "due_at"]

    /// Each index by what it is sorted on, as format 6 left it.
    static let indexes: [(name: String, sortedOn: [String])] = [
        ("request_by_country", ["country", "updated_at", "direction"]),
        ("request_by_officer", ["officer", "updated_at", "direction"]),
        ("request_by_status", ["status", "updated_at", "direction"]),
        ("request_by_type_sort", ["primary_type", "updated_at", "direction"]),
        ("request_by_updated", ["direction", "updated_at"]),
        ("request_by_all_updated", ["updated_at"]),
    ]

    /// The columns of an index sorted on `sortedOn`: those, then the other list fields.
    static func columns(sortedOn: [String]) -> [String] {
        sortedOn + listFields.filter { !sortedOn.contains($0) }
    }

    static func apply(_ db: Database) throws {
        for (name, sortedOn) in indexes {
            try db.execute(sql: """
                DROP INDEX \(name);
                CREATE INDEX \(name) ON request (\(columns(sortedOn: sortedOn).joined(separator: ", ")));
                """)
        }
    }
}
