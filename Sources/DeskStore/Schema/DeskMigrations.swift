import GRDB

/// The desk's schema as named, append-only migrations. Never edit a shipped migration: add one.
/// Each migration runs in its own transaction and records its number in `user_version`.
enum DeskMigrations {
    static let names = ["v1-case-file", "v2-checklists-deadlines", "v3-packages", "v4-request-tally", "v5-instant-filters",
                        "v6-direction-in-indexes", "v7-list-fields-in-indexes", "v8-list-fields-by-number",
                        "v9-type-counts", "v10-search-folding", "v11-exchanged-versions"]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(names[0]) { db in
            try createCaseFile(db)
            try db.execute(sql: "PRAGMA user_version = 1")
        }
        migrator.registerMigration(names[1]) { db in
            try addEarliestDue(db)
            try db.execute(sql: "PRAGMA user_version = 2")
        }
        migrator.registerMigration(names[2]) { db in
            try createPackageTables(db)
            try db.execute(sql: "PRAGMA user_version = 3")
        }
        migrator.registerMigration(names[3]) { db in
            try createRequestTally(db)
            try db.execute(sql: "PRAGMA user_version = 4")
        }
        migrator.registerMigration(names[4]) { db in
            try InstantFiltersMigration.apply(db)
            try db.execute(sql: "PRAGMA user_version = 5")
        }
        migrator.registerMigration(names[5]) { db in
            try DirectionInIndexesMigration.apply(db)
            try db.execute(sql: "PRAGMA user_version = 6")
        }
        migrator.registerMigration(names[6], foreignKeyChecks: .immediate) { db in
            try ListFieldsInIndexesMigration.apply(db)
            try db.execute(sql: "PRAGMA user_version = 7")
        }
        migrator.registerMigration(names[7], foreignKeyChecks: .immediate) { db in
            try ListFieldsByNumberMigration.apply(db)
            try db.execute(sql: "PRAGMA user_version = 8")
        }
        migrator.registerMigration(names[8], foreignKeyChecks: .immediate) { db in
            try TypeCountsMigration.apply(db)
            try db.execute(sql: "PRAGMA user_version = 9")
        }
        migrator.registerMigration(names[9]) { db in
            try SearchFoldingMigration.apply(db)
            try db.execute(sql: "PRAGMA user_version = 10")
        }
        migrator.registerMigration(names[10]) { db in
            try ExchangedVersions.createTable(db)
            try db.execute(sql: "PRAGMA user_version = 11")
        }
        return migrator
    }

    /// How many requests sit in each direction and status, kept by triggers in the same
    /// transaction as every change. The home page and the unfiltered list read a few rows here
    /// instead of counting the whole desk on every open: a `GROUP BY` over 100,000 requests
    /// took about 25 ms, most of the open.
    private static func createRequestTally(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE request_tally (
                direction TEXT NOT NULL,
                status TEXT NOT NULL,
                n INTEGER NOT NULL,
                PRIMARY KEY (direction, status)
            ) STRICT, WITHOUT ROWID;
            INSERT INTO request_tally (direction, status, n)
                SELECT direction, status, COUNT(*) FROM request GROUP BY direction, status;

            CREATE TRIGGER request_tally_insert AFTER INSERT ON request
            BEGIN
                INSERT INTO request_tally (direction, status, n) VALUES (NEW.direction, NEW.status, 1)
                    ON CONFLICT (direction, status) DO UPDATE SET n = n + 1;
            END;
            CREATE TRIGGER request_tally_delete AFTER DELETE ON request
            BEGIN
                UPDATE request_tally SET n = n - 1 WHERE direction = OLD.direction AND status = OLD.status;
            END;
            CREATE TRIGGER request_tally_update AFTER UPDATE OF direction, status ON request
                WHEN OLD.direction IS NOT NEW.direction OR OLD.status IS NOT NEW.status
            BEGIN
                UPDATE request_tally SET n = n - 1 WHERE direction = OLD.direction AND status = OLD.status;
                INSERT INTO request_tally (direction, status, n) VALUES (NEW.direction, NEW.status, 1)
                    ON CONFLICT (direction, status) DO UPDATE SET n = n + 1;
            END;
            """)
    }

    /// `first_due_at` is the earliest deadline of any kind (manual or computed), so the agenda
    /// finds a legal deadline even when a later manual due date is what the list shows. Rows
    /// start from their manual date; the store recomputes both columns with the rules on open.
    private static func addEarliestDue(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE request ADD COLUMN first_due_at INTEGER;
            UPDATE request SET first_due_at = due_at;
            CREATE INDEX request_by_first_due ON request (is_open, first_due_at);
            """)
    }

    private static func createCaseFile(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE desk_meta (
                key TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL
            ) STRICT;

            CREATE TABLE request (
                num INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
                ref_year INTEGER NOT NULL,
                ref_seq INTEGER NOT NULL,
                reference TEXT NOT NULL UNIQUE,
                country TEXT NOT NULL,
                primary_type TEXT NOT NULL,
                types TEXT NOT NULL,
                status TEXT NOT NULL,
                is_open INTEGER NOT NULL,
                urgency TEXT NOT NULL,
                officer TEXT NOT NULL,
                operation TEXT NOT NULL,
                due_at INTEGER,
                updated_at INTEGER NOT NULL,
                updated_by TEXT NOT NULL,
                version INTEGER NOT NULL CHECK (version >= 1),
                body TEXT NOT NULL,
                UNIQUE (direction, ref_year, ref_seq)
            ) STRICT;
            CREATE INDEX request_by_updated ON request (direction, updated_at);
            CREATE INDEX request_by_all_updated ON request (updated_at);
            CREATE INDEX request_by_status ON request (status, updated_at);
            CREATE INDEX request_by_country ON request (country, updated_at);
            CREATE INDEX request_by_officer ON request (officer, updated_at);
            CREATE INDEX request_by_urgency ON request (urgency, is_open);
            CREATE INDEX request_by_due ON request (is_open, due_at);
            CREATE INDEX request_by_reference ON request (direction, reference);
            CREATE INDEX request_by_type_sort ON request (primary_type, updated_at);
            CREATE INDEX request_by_operation ON request (operation);
            CREATE INDEX request_by_direction_status ON request (direction, status);

            CREATE TABLE request_type (
                request_num INTEGER NOT NULL REFERENCES request(num) ON DELETE CASCADE,
                type TEXT NOT NULL,
                PRIMARY KEY (type, request_num)
            ) STRICT, WITHOUT ROWID;

            CREATE VIRTUAL TABLE request_fts USING fts5(
                reference, foreign_reference, operation, authorities, facts, assistance, identifiers, notes,
                tokenize = 'unicode61 remove_diacritics 2'
            );

            CREATE TABLE status_change (
                num INTEGER PRIMARY KEY,
                request_id TEXT NOT NULL REFERENCES request(id),
                from_status TEXT,
                to_status TEXT NOT NULL,
                at INTEGER NOT NULL,
                officer TEXT NOT NULL,
                note TEXT NOT NULL,
                ground TEXT
            ) STRICT;
            CREATE INDEX status_change_by_request ON status_change (request_id, num);

            CREATE TABLE checklist_item (
                request_id TEXT NOT NULL REFERENCES request(id),
                item_id TEXT NOT NULL,
                position INTEGER NOT NULL,
                body TEXT NOT NULL,
                PRIMARY KEY (request_id, item_id)
            ) STRICT, WITHOUT ROWID;

            CREATE TABLE evidence_exchange (
                id TEXT PRIMARY KEY NOT NULL,
                request_id TEXT NOT NULL REFERENCES request(id),
                at INTEGER NOT NULL,
                body TEXT NOT NULL
            ) STRICT;
            CREATE INDEX evidence_exchange_by_request ON evidence_exchange (request_id, at);

            CREATE TABLE evidence_item (
                id TEXT PRIMARY KEY NOT NULL,
                exchange_id TEXT NOT NULL REFERENCES evidence_exchange(id),
                request_id TEXT NOT NULL REFERENCES request(id),
                position INTEGER NOT NULL,
                body TEXT NOT NULL
            ) STRICT;
            CREATE INDEX evidence_item_by_request ON evidence_item (request_id, position);

            CREATE TABLE custody_event (
                num INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                item_id TEXT NOT NULL REFERENCES evidence_item(id),
                request_id TEXT NOT NULL REFERENCES request(id),
                at INTEGER NOT NULL,
                body TEXT NOT NULL
            ) STRICT;
            CREATE INDEX custody_event_by_request ON custody_event (request_id, num);

            CREATE TABLE audit (
                seq INTEGER PRIMARY KEY,
                at INTEGER NOT NULL,
                officer TEXT NOT NULL,
                action TEXT NOT NULL,
                entity TEXT NOT NULL,
                entity_id TEXT NOT NULL,
                request_id TEXT NOT NULL,
                detail TEXT NOT NULL,
                state_hash TEXT NOT NULL,
                prev_hash TEXT NOT NULL,
                hash TEXT NOT NULL
            ) STRICT;
            CREATE INDEX audit_by_request ON audit (request_id, seq);
            CREATE INDEX audit_by_entity ON audit (entity_id, seq);
            """)
        for table in ["status_change", "custody_event", "audit"] {
            try db.execute(sql: """
                CREATE TRIGGER \(table)_append_only_update BEFORE UPDATE ON \(table)
                BEGIN SELECT RAISE(ABORT, '\(table) rows are append-only'); END;
                CREATE TRIGGER \(table)_append_only_delete BEFORE DELETE ON \(table)
                BEGIN SELECT RAISE(ABORT, '\(table) rows are append-only'); END;
                """)
        }
    }

    /// Keys this desk accepts packages from, and every package it has imported (so a replayed
    /// package is refused by its id).
    private static func createPackageTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE trusted_key (
                key_id TEXT PRIMARY KEY NOT NULL,
                public_key TEXT NOT NULL UNIQUE,
                label TEXT NOT NULL,
                added_at INTEGER NOT NULL,
                added_by TEXT NOT NULL
            ) STRICT;

            CREATE TABLE imported_package (
                package_id TEXT PRIMARY KEY NOT NULL,
                sender_desk_id TEXT NOT NULL,
                sender_key_id TEXT NOT NULL,
                sequence INTEGER NOT NULL,
                created_at INTEGER NOT NULL,
                manifest_sha256 TEXT NOT NULL,
                imported_at INTEGER NOT NULL,
                imported_by TEXT NOT NULL
            ) STRICT;
            CREATE INDEX imported_package_by_sender ON imported_package (sender_key_id, sequence);

            CREATE TRIGGER imported_package_append_only_update BEFORE UPDATE ON imported_package
            BEGIN SELECT RAISE(ABORT, 'imported_package rows are append-only'); END;
            CREATE TRIGGER imported_package_append_only_delete BEFORE DELETE ON imported_package
            BEGIN SELECT RAISE(ABORT, 'imported_package rows are append-only'); END;
            """)
    }
}
