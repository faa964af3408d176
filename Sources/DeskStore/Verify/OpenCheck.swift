import DeskCore
import Foundation
import GRDB

/// The check at opening: the work is proportional to what was written since the checkpoint,
/// not to the desk.
///
/// It proves that the checkpoint's row still has the hash the last check found and still links
/// to the row before it (so the history before it was not rewritten into another consistent
/// chain), that every row since links and is unchanged, and that every record those rows touched
/// matches its latest audited state. It does not read older rows or untouched records, and it
/// does not run SQLite's integrity check: only a full verify proves those (docs/reliability.md).
struct OpenCheck {
    var report: VerifyReport
    /// Where a sound check ended: the next checkpoint.
    var lastSequence: Int64
    var lastHash: String
    var mismatchedItems: [String]

    static func run(_ db: Database, since checkpoint: VerifyCheckpoint, rules: [DeadlineRule]?, maxRecordProblems: Int,
                    cancellation: Cancellation) throws -> OpenCheck {
        let first = max(1, checkpoint.sequence - 1)
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM audit WHERE seq >= ? ORDER BY seq", arguments: [first])
        var walk: AuditChainWalk?
        var sawCheckpoint = checkpoint.sequence == 0
        var touched: [(entity: String, id: String)] = []
        var touchedIDs = Set<String>()
        while let row = try rows.next() {
            try cancellation.throwIfCancelled()
            let entry = AuditLog.entry(from: row)
            if walk == nil {
                // The row before the checkpoint is taken on trust for its own link only: it
                // was proven when the checkpoint was made; what matters is that it still hashes
                // to what the checkpoint's row links to.
                walk = first == 1 ? AuditChainWalk() : AuditChainWalk(after: first - 1, hash: entry.previousHash)
            }
            walk?.step(entry)
            if entry.sequence == checkpoint.sequence {
                sawCheckpoint = true
                if entry.hash != checkpoint.hash {
                    walk?.fail(at: entry.sequence, "it is not the row the last verification ended on (the history before it was rewritten)")
                }
            }
            if entry.sequence > checkpoint.sequence, entry.entity != AuditedEntity.desk.rawValue,
                touchedIDs.insert(entry.entityID).inserted {
                touched.append((entry.entity, entry.entityID))
            }
        }
        var chain = walk ?? AuditChainWalk(after: checkpoint.sequence, hash: checkpoint.hash)
        if !sawCheckpoint {
            chain.fail(at: checkpoint.sequence, "the row the last verification ended on is missing")
        }
        var records = RecordStateChecks(limit: maxRecordProblems, rules: rules)
        try records.checkTriggers(in: db)
        try records.checkTrustedKeys(in: db)
        try records.checkImportedPackages(in: db)
        var evidence = EvidenceFindings()
        var itemsToJudge = Set(checkpoint.mismatchedItems)
        for (entity, id) in touched {
            try cancellation.throwIfCancelled()
            guard try records.check(entity: entity, id: id, in: db), let kind = AuditedEntity(rawValue: entity) else { continue }
            switch kind {
            case .exchange:
                try evidence.check(kind, id: id, in: db)
            case .item:
                try evidence.check(kind, id: id, in: db)
                itemsToJudge.insert(id)
            case .custody:
                try evidence.check(kind, id: id, in: db)
                if let item = try String.fetchOne(db, sql: "SELECT item_id FROM custody_event WHERE id = ?", arguments: [id]) {
                    itemsToJudge.insert(item)
                }
            default:
                break
            }
        }
        evidence.recordProblems.forEach { records.note($0) }
        try evidence.judgeItems(itemsToJudge, in: db)
        let report = VerifyReport(chainBreak: chain.chainBreak, recordProblems: records.problems, auditRows: chain.rows,
                                  requests: records.requests, evidenceMismatches: evidence.mismatches,
                                  checkedSince: checkpoint)
        return OpenCheck(report: report, lastSequence: chain.lastSequence, lastHash: chain.lastHash,
                         mismatchedItems: evidence.mismatchedItems)
    }
}
