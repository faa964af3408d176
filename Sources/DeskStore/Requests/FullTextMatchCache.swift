import Foundation
import GRDB

/// The full-text matches of the last broad search, kept for the next read on the same
/// connection while nothing has been committed since.
///
/// A filter keystroke asks for the count and then the page of the same query, and a broad
/// search (``BroadTextPlan``) reads tens of thousands of matches for each. Unlike the breadth
/// memo this holds rows, so it must never be stale: it answers only on the read-only connection
/// that filled it (held weakly, so a closed connection can never be mistaken for a new one at
/// the same address) and only while that connection's `PRAGMA data_version` is unchanged, which
/// SQLite changes whenever any other connection — this desk's writer or another program's —
/// commits.
final class FullTextMatchCache: @unchecked Sendable {
    private let lock = NSLock()
    private weak var connection: Database?
    private var dataVersion: Int64 = 0
    private var expression = ""
    private var matches: [Int64] = []

    /// The matches of `expression` as `fetch` reads them, or as it read them last time when
    /// they cannot have changed.
    func matches(of expression: String, in db: Database, fetch: () throws -> [Int64]) throws -> [Int64] {
        guard db.configuration.readonly else { return try fetch() }
        let version = try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0
        let kept = lock.withLock {
            connection === db && dataVersion == version && self.expression == expression ? matches : nil
        }
        if let kept { return kept }
        let fresh = try fetch()
        lock.withLock {
            connection = db
            dataVersion = version
            self.expression = expression
            matches = fresh
        }
        return fresh
    }
}
