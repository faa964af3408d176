import GRDB

/// The triggers a desk must hold, as this program's own migrations create them: they keep the
/// audit trail, custody and status history append-only and the counts true. A trigger dropped,
/// rewritten or added behind the program's back would let the next change slip past those
/// guarantees without breaking any hash, so `verify` compares them (``problems(in:)``).
enum DeskTriggers {
    /// Name → SQL, read from an empty desk migrated in memory, so it can never disagree with
    /// the migrations.
    static let expected: [String: String]? = {
        guard let queue = try? DatabaseQueue(), (try? DeskMigrations.migrator.migrate(queue)) != nil else { return nil }
        return try? queue.read(triggers)
    }()

    static func triggers(_ db: Database) throws -> [String: String] {
        let rows = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        return Dictionary(rows.map { ($0["name"] as String, ($0["sql"] as String?) ?? "") }, uniquingKeysWith: { first, _ in first })
    }

    /// Each trigger missing, changed or unknown, in words; empty when they are the program's own.
    static func problems(in db: Database) throws -> [String] {
        guard let expected else { return ["The desk's triggers could not be compared with this program's"] }
        let found = try triggers(db)
        var problems: [String] = []
        for name in expected.keys.sorted() {
            switch found[name] {
            case nil: problems.append("The trigger \(name) is missing (dropped behind the program's back)")
            case expected[name]: break
            default: problems.append("The trigger \(name) is not the program's (rewritten behind its back)")
            }
        }
        for name in found.keys.sorted() where expected[name] == nil {
            problems.append("The trigger \(name) is not the program's (added behind its back)")
        }
        return problems
    }
}
