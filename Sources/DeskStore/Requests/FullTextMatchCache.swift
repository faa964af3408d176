import Foundation
import GRDB

/// The full-text matches of the last search, kept for the next read on the same connection
/// while nothing has been committed since.
///
/// A filter keystroke asks for the count and then the page of the same query, and each needs
/// the words' matches (``WordSelection``). Unlike the breadth memo this holds rows, so it must
/// never be stale: it answers only on the read-only connection that filled it (held weakly, so
/// a closed connection can never be mistaken for a new one at the same address) and only while
/// that connection's `PRAGMA data_version` is unchanged, which SQLite changes whenever any
/// other connection — this desk's writer or another program's — commits.
final class FullTextMatchCache: @unchecked Sendable {
    private let lock = NSLock()
    private weak var connection: Database?
    private var dataVersion: Int64 = 0
    private var expression = ""
    private var matches: [Int64] = []
    /// Whether `matches` holds every match, or only the first ones of a read that stopped.
    private var complete = false

    /// The row numbers of the matches of `expression`, ascending: all of them, or — when
    /// `line` is given and they are more — possibly only the first `line + 1`, which is enough
    /// to tell that they are more and costs no more to read than that.
    func matches(of expression: String, moreThan line: Int? = nil, in db: Database) throws -> [Int64] {
        let version = db.configuration.readonly ? try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 : nil
        if let version {
            let kept = lock.withLock { () -> [Int64]? in
                guard connection === db, dataVersion == version, self.expression == expression else { return nil }
                return complete || line.map { matches.count > $0 } == true ? matches : nil
            }
            if let kept { return kept }
        }
        let read = try db.cachedStatement(sql: "SELECT rowid FROM request_fts WHERE request_fts MATCH ? ORDER BY rowid LIMIT ?")
            .integers([expression, line.map { $0 + 1 } ?? -1])
        if let version {
            lock.withLock {
                connection = db
                dataVersion = version
                self.expression = expression
                matches = read
                complete = line.map { read.count <= $0 } ?? true
            }
        }
        return read
    }
}
