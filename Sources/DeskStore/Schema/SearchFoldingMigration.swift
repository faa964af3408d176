import DeskCore
import GRDB

/// Format version 10: the full-text index holds every request's text folded as searches are
/// (``SearchText``): accents and case taken off in every script, not only Latin, and each
/// character of Chinese, Japanese, Thai and the other scripts written without spaces indexed as
/// a word, so that a word inside such text is found. The index is written again from the
/// requests' bodies, a screenful of entries per statement (some 30 s once for a desk of
/// 100,000, announced before it starts like every upgrade).
enum SearchFoldingMigration {
    static func apply(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM request_fts")
        let requests = try Row.fetchCursor(db, sql: "SELECT num, body FROM request ORDER BY num")
        var entries: [RequestRows.FullTextRow] = []
        while let row = try requests.next() {
            let request = try RequestRows.decode(Request.self, row["body"] as String)
            entries.append(RequestRows.fullTextRow(request, num: row["num"]))
            if entries.count == RequestRows.fullTextRowsPerStatement {
                try RequestRows.writeFullText(entries, in: db)
                entries.removeAll(keepingCapacity: true)
            }
        }
        try RequestRows.writeFullText(entries, in: db)
        try db.execute(sql: "INSERT INTO request_fts (request_fts) VALUES ('optimize')")
    }
}
