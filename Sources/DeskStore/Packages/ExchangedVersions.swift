import Foundation
import GRDB

/// The version of each request this desk last sent or received in a package (or took in from an
/// archive): the version both desks held at that moment.
///
/// Versions are counted on each desk, so a request changed here since the last exchange and
/// changed on the other desk too reaches the same numbers on both; the package then looks like a
/// later version of this desk's copy and would replace the change made here. Knowing the version
/// last exchanged tells the two apart: a later version is taken only while the copy here is
/// still the one exchanged (``ImportPlanner``).
enum ExchangedVersions {
    static func version(of requestID: UUID, in db: Database) throws -> Int? {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT version FROM request_exchanged WHERE request_id = ?"),
                         arguments: [requestID.text])
    }

    static func record(_ requestID: UUID, version: Int, in db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO request_exchanged (request_id, version) VALUES (?, ?)
            ON CONFLICT (request_id) DO UPDATE SET version = excluded.version
            """).execute(arguments: [requestID.text, version])
    }

    /// Format 11: the table, empty; requests exchanged before it keep the rule of earlier
    /// versions (a later version is taken when nothing else diverges) until their next exchange.
    static func createTable(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE request_exchanged (
                request_id TEXT PRIMARY KEY NOT NULL,
                version INTEGER NOT NULL
            ) STRICT, WITHOUT ROWID
            """)
    }
}
