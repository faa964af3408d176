import GRDB

/// Format version 9: `request_type_count`, the number of requests of each type per direction,
/// status, country and urgency, kept by triggers in the same transaction as every change —
/// what `request_count` is for the other list fields.
///
/// A type is a list of requests of its own (`request_type`), so a type within a tab or beside
/// a status was counted by testing every request of the one against the other: 26–34 ms for
/// `type:preservation` in the incoming tab of a desk of 100,000 (`sqlite3` shell), a keystroke
/// over a frame. Summed from these rows it costs what a tab's count costs.
///
/// The triggers that follow a request find its types through `request_type_by_request`:
/// `request_type` is keyed by type, and without that index every status change read the whole
/// table twice (19–24 ms at 100,000 requests, against 1 ms with it); replacing a request's
/// types, which deletes them by request, gains the same.
///
/// A request of two types counts once under each, as the list shows it under either filter.
/// The triggers follow the request's rows: a type added or removed, a request moved between
/// directions, statuses, countries or urgencies. Requests are never deleted (their status
/// history is append-only and refers to them).
enum TypeCountsMigration {
    static func apply(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE request_type_count (
                type TEXT NOT NULL,
                direction TEXT NOT NULL,
                status TEXT NOT NULL,
                is_open INTEGER NOT NULL,
                country TEXT NOT NULL,
                urgency TEXT NOT NULL,
                n INTEGER NOT NULL,
                PRIMARY KEY (type, direction, status, country, urgency)
            ) STRICT, WITHOUT ROWID;
            INSERT INTO request_type_count (type, direction, status, is_open, country, urgency, n)
                SELECT type, direction, status, MAX(is_open), country, urgency, COUNT(*)
                FROM request_type JOIN request INDEXED BY request_by_num ON num = request_num
                GROUP BY type, direction, status, country, urgency;

            CREATE INDEX request_type_by_request ON request_type (request_num);

            CREATE TRIGGER request_type_count_insert AFTER INSERT ON request_type
            BEGIN
                INSERT INTO request_type_count (type, direction, status, is_open, country, urgency, n)
                    SELECT NEW.type, direction, status, is_open, country, urgency, 1 FROM request WHERE num = NEW.request_num
                    ON CONFLICT (type, direction, status, country, urgency) DO UPDATE SET n = n + 1;
            END;
            CREATE TRIGGER request_type_count_delete AFTER DELETE ON request_type
            BEGIN
                UPDATE request_type_count SET n = n - 1
                    WHERE type = OLD.type AND (direction, status, country, urgency) =
                        (SELECT direction, status, country, urgency FROM request WHERE num = OLD.request_num);
            END;
            CREATE TRIGGER request_type_count_update AFTER UPDATE OF direction, status, country, urgency ON request
                WHEN OLD.direction IS NOT NEW.direction OR OLD.status IS NOT NEW.status
                    OR OLD.country IS NOT NEW.country OR OLD.urgency IS NOT NEW.urgency
            BEGIN
                UPDATE request_type_count SET n = n - 1
                    WHERE direction = OLD.direction AND status = OLD.status AND country = OLD.country
                        AND urgency = OLD.urgency
                        AND type IN (SELECT type FROM request_type WHERE request_num = OLD.num);
                INSERT INTO request_type_count (type, direction, status, is_open, country, urgency, n)
                    SELECT type, NEW.direction, NEW.status, NEW.is_open, NEW.country, NEW.urgency, 1
                    FROM request_type WHERE request_num = NEW.num
                    ON CONFLICT (type, direction, status, country, urgency) DO UPDATE SET n = n + 1;
            END;
            """)
    }
}
