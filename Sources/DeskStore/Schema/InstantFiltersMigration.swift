import GRDB

/// Format version 5: what the desk needs to answer every filter keystroke and open its home
/// page in a few milliseconds at 100,000 requests.
///
/// - `request_count` replaces `request_tally`: the number of requests per direction, status,
///   country and urgency, kept by triggers in the same transaction as every change. A list
///   filtered by any of those (the tabs, `status:`, `country:`, `urgency:`, `open`) is counted
///   by summing a few hundred rows instead of visiting thousands of requests.
/// - `preservation_due_at` is the earliest date on which preserved data may be lost, indexed,
///   so the home page counts expiring preservations without computing every open request's
///   deadlines. Forgetting the applied deadline rules makes the next open with reference data
///   fill it for every open request (once).
/// - The full-text index gains a prefix index of three characters: a search word of three
///   letters matches as a prefix through one index entry instead of merging every word that
///   starts with them.
enum InstantFiltersMigration {
    static func apply(_ db: Database) throws {
        try db.execute(sql: """
            DROP TRIGGER request_tally_insert;
            DROP TRIGGER request_tally_delete;
            DROP TRIGGER request_tally_update;
            DROP TABLE request_tally;
            CREATE TABLE request_count (
                direction TEXT NOT NULL,
                status TEXT NOT NULL,
                is_open INTEGER NOT NULL,
                country TEXT NOT NULL,
                urgency TEXT NOT NULL,
                n INTEGER NOT NULL,
                PRIMARY KEY (direction, status, country, urgency)
            ) STRICT, WITHOUT ROWID;
            INSERT INTO request_count (direction, status, is_open, country, urgency, n)
                SELECT direction, status, MAX(is_open), country, urgency, COUNT(*) FROM request
                GROUP BY direction, status, country, urgency;
            CREATE TRIGGER request_count_insert AFTER INSERT ON request
            BEGIN
                INSERT INTO request_count (direction, status, is_open, country, urgency, n)
                    VALUES (NEW.direction, NEW.status, NEW.is_open, NEW.country, NEW.urgency, 1)
                    ON CONFLICT (direction, status, country, urgency) DO UPDATE SET n = n + 1;
            END;
            CREATE TRIGGER request_count_delete AFTER DELETE ON request
            BEGIN
                UPDATE request_count SET n = n - 1
                    WHERE direction = OLD.direction AND status = OLD.status AND country = OLD.country
                        AND urgency = OLD.urgency;
            END;
            CREATE TRIGGER request_count_update AFTER UPDATE OF direction, status, country, urgency ON request
                WHEN OLD.direction IS NOT NEW.direction OR OLD.status IS NOT NEW.status
                    OR OLD.country IS NOT NEW.country OR OLD.urgency IS NOT NEW.urgency
            BEGIN
                UPDATE request_count SET n = n - 1
                    WHERE direction = OLD.direction AND status = OLD.status AND country = OLD.country
                        AND urgency = OLD.urgency;
                INSERT INTO request_count (direction, status, is_open, country, urgency, n)
                    VALUES (NEW.direction, NEW.status, NEW.is_open, NEW.country, NEW.urgency, 1)
                    ON CONFLICT (direction, status, country, urgency) DO UPDATE SET n = n + 1;
            END;

            ALTER TABLE request ADD COLUMN preservation_due_at INTEGER;
            CREATE INDEX request_by_preservation_due ON request (is_open, preservation_due_at);

            CREATE VIRTUAL TABLE request_fts_v5 USING fts5(
                reference, foreign_reference, operation, authorities, facts, assistance, identifiers, notes,
                tokenize = 'unicode61 remove_diacritics 2', prefix = '3'
            );
            INSERT INTO request_fts_v5 (rowid, reference, foreign_reference, operation, authorities, facts, assistance,
                    identifiers, notes)
                SELECT rowid, reference, foreign_reference, operation, authorities, facts, assistance, identifiers, notes
                FROM request_fts;
            DROP TABLE request_fts;
            ALTER TABLE request_fts_v5 RENAME TO request_fts;
            INSERT INTO request_fts (request_fts) VALUES ('optimize');
            """)
        try db.execute(sql: "DELETE FROM desk_meta WHERE key = ?", arguments: [DeskStore.rulesKey])
    }
}
