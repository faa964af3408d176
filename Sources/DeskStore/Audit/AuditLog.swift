import DeskCore
import Foundation
import GRDB

/// Appends rows to the audit trail inside the caller's transaction, chaining each row's
/// SHA-256 to the previous one.
///
/// Rows are ordered by sequence, never by time, so a clock that jumps cannot reorder history.
struct AuditLog {
    static let genesisHash = String(repeating: "0", count: 64)

    /// What one change says about itself, with the SHA-256 of the record's state after it.
    struct Change: Sendable {
        var action: String
        var entity: AuditedEntity
        var entityID: String
        var requestID: String
        var detail: String
        /// Given as such (the memberwise initialiser) when the state was hashed beforehand
        /// (`Hex.sha256(_:)`), as bulk loading does on a thread of its own.
        var stateHash: String
    }

    /// Appends `change`. When `at` is earlier than the newest row, the clock went backwards: a
    /// `clock_warning` row goes first, in the same transaction, so the jump is on record once
    /// (the rows after it carry the new time and raise no further warning).
    static func append(_ change: Change, officer: String, at: Date, in db: Database) throws {
        var writer = try Writer(in: db)
        try writer.append(change, officer: officer, at: at)
    }

    /// Appends many rows in one transaction, reading the newest row once and then keeping the
    /// head of the chain in memory. Nothing else may append while a writer is in use; a row
    /// appended behind its back would make its next insert fail on the taken sequence number,
    /// never fork the chain.
    struct Writer {
        private var tail: Tail?
        private let statement: Statement

        init(in db: Database) throws {
            let last = try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, at, hash FROM audit ORDER BY seq DESC LIMIT 1"))
            tail = last.map { Tail(sequence: $0["seq"], at: $0["at"], hash: $0["hash"]) }
            statement = try db.cachedStatement(sql: """
                INSERT INTO audit (seq, at, officer, action, entity, entity_id, request_id, detail, state_hash, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        }

        /// Appends `change` as ``AuditLog/append(_:officer:at:in:)`` does, clock warning included.
        mutating func append(_ change: Change, officer: String, at: Date) throws {
            if let previous = tail, DeskJSON.milliseconds(at) < previous.at {
                let before = Date(timeIntervalSince1970: Double(previous.at) / 1000)
                tail = try insert(
                    .init(action: "clock_warning", entity: .desk, entityID: "clock", requestID: "",
                          detail: "the clock went back from \(DeskJSON.formatInstant(before)) to \(DeskJSON.formatInstant(at)); the trail keeps its order by sequence",
                          state: Data()),
                    after: tail, officer: officer, at: at, into: statement)
            }
            tail = try insert(change, after: tail, officer: officer, at: at, into: statement)
        }
    }

    /// The newest row, as the next row needs it.
    private struct Tail {
        var sequence: Int64
        var at: Int64
        var hash: String
    }

    private static func insert(_ change: Change, after tail: Tail?, officer: String, at: Date, into statement: Statement) throws -> Tail {
        let previousHash = tail?.hash ?? genesisHash
        let sequence = (tail?.sequence ?? 0) + 1
        var entry = AuditEntry(
            sequence: sequence, at: DeskJSON.normalized(at), officer: officer, action: change.action,
            entity: change.entity.rawValue, entityID: change.entityID, requestID: change.requestID,
            detail: change.detail, stateHash: change.stateHash, previousHash: previousHash, hash: "")
        entry.hash = chainHash(entry)
        try statement.insert(
            [.integer(entry.sequence), .integer(DeskJSON.milliseconds(entry.at)), .text(entry.officer), .text(entry.action),
             .text(entry.entity), .text(entry.entityID), .text(entry.requestID), .text(entry.detail),
             .text(entry.stateHash), .text(entry.previousHash), .text(entry.hash)])
        return Tail(sequence: sequence, at: DeskJSON.milliseconds(entry.at), hash: entry.hash)
    }

    static func chainHash(_ entry: AuditEntry) -> String {
        Hex.sha256(entry.canonicalBytes)
    }

    static func entry(from row: Row) -> AuditEntry {
        AuditEntry(
            sequence: row["seq"], at: Date(timeIntervalSince1970: Double(row["at"] as Int64) / 1000),
            officer: row["officer"], action: row["action"], entity: row["entity"], entityID: row["entity_id"],
            requestID: row["request_id"], detail: row["detail"], stateHash: row["state_hash"],
            previousHash: row["prev_hash"], hash: row["hash"])
    }

    /// The newest row's hash: the head of the chain that exports and packages quote.
    static func head(_ db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT hash FROM audit ORDER BY seq DESC LIMIT 1") ?? genesisHash
    }
}

/// The kinds of record the audit trail covers; each has a canonical state whose hash the
/// trail keeps, so `verify` can tell when a record no longer matches its history.
enum AuditedEntity: String, CaseIterable, Sendable {
    case request
    case statusChange = "status_change"
    case checklistItem = "checklist_item"
    case exchange = "evidence_exchange"
    case item = "evidence_item"
    case custody = "custody_event"
    case desk
}

extension AuditLog.Change {
    init(action: String, entity: AuditedEntity, entityID: String, requestID: String, detail: String, state: Data) {
        self.init(action: action, entity: entity, entityID: entityID, requestID: requestID, detail: detail,
                  stateHash: Hex.sha256(state))
    }
}
