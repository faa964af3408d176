import GRDB

/// The desk's own facts in `desk_meta`, one text per key: its id, the package sequence, the
/// deadline rules last applied, the verify checkpoint.
enum DeskMeta {
    static func value(_ key: String, in db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM desk_meta WHERE key = ?", arguments: [key])
    }

    static func set(_ key: String, to value: String, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO desk_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            arguments: [key, value])
    }

    static func remove(_ key: String, in db: Database) throws {
        try db.execute(sql: "DELETE FROM desk_meta WHERE key = ?", arguments: [key])
    }
}
