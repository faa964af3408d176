import DeskCore
import Foundation
import GRDB

extension DeskStore {
    /// Checks the file with SQLite, walks the audit chain from the first row, and compares every
    /// record with the state hash of its last audit row. When the file and every record are
    /// sound, the end of the chain is kept as the ``VerifyCheckpoint`` the check at opening
    /// starts from; nothing else is written.
    ///
    /// Memory stays flat however large the desk: rows are read through cursors and each
    /// record's audited state comes from an indexed lookup. It runs on its own connection, so
    /// ``close()`` or `cancellation` stops it with `CancellationError`.
    public func verify(maxRecordProblems: Int = 20, cancellation: Cancellation = Cancellation()) throws -> VerifyReport {
        try runningChecks.admit(cancellation) {
            let (checked, walk, evidence) = try check(cancellation) { db in
                try Self.fullVerification(db, rules: try self.appliedDeadlineRules(in: db), maxRecordProblems: maxRecordProblems,
                                          cancellation: cancellation)
            }
            var report = checked
            if let problem = keyDeskProblem() { report.recordProblems.append(problem) }
            if report.isRecordSound {
                let now = clock.now()
                recordCheckpoint(VerifyCheckpoint(sequence: walk.lastSequence, hash: walk.lastHash,
                                                  fullVerificationAt: now, checkedAt: now,
                                                  mismatchedItems: evidence.mismatchedItems))
            }
            return report
        }
    }

    /// The desk's id is in no audit row, but its signing key was made for it: an id changed
    /// behind the program's back (which packages are addressed to, exports name) differs from
    /// the key's. Nil when they agree or there is no key yet.
    func keyDeskProblem() -> String? {
        guard let keyDesk = SigningKeyFile.deskID(ofKeyAt: SigningKeyFile.path(forDesk: path)), keyDesk != deskID else {
            return nil
        }
        return "The desk's id \(deskID) is not the one its signing key was made for (\(keyDesk)): changed behind the program's back"
    }

    /// The check the desk runs when it opens: from the ``VerifyCheckpoint`` on, reading only what
    /// was written since (see ``OpenCheck``), or the full ``verify(maxRecordProblems:cancellation:)``
    /// when the desk has none yet.
    public func verifyAtOpen(maxRecordProblems: Int = 20, cancellation: Cancellation = Cancellation()) throws -> VerifyReport {
        try runningChecks.admit(cancellation) {
            guard let checkpoint = try read({ try VerifyCheckpoint.read($0) }) else {
                return try verify(maxRecordProblems: maxRecordProblems, cancellation: cancellation)
            }
            let check = try check(cancellation) { db in
                try OpenCheck.run(db, since: checkpoint, rules: try self.appliedDeadlineRules(in: db),
                                  maxRecordProblems: maxRecordProblems, cancellation: cancellation)
            }
            var report = check.report
            if let problem = keyDeskProblem() { report.recordProblems.append(problem) }
            if report.isRecordSound {
                recordCheckpoint(VerifyCheckpoint(sequence: check.lastSequence, hash: check.lastHash,
                                                  fullVerificationAt: checkpoint.fullVerificationAt, checkedAt: clock.now(),
                                                  mismatchedItems: check.mismatchedItems))
            }
            return report
        }
    }

    /// The checkpoint the next check at opening starts from, if any.
    public func verifyCheckpoint() throws -> VerifyCheckpoint? {
        try read { try VerifyCheckpoint.read($0) }
    }

    /// The same checks on any open desk database, such as a backup before it gets its final name
    /// (its due columns are not recomputed: the rules they came from are the source desk's).
    static func verify(_ db: Database, maxRecordProblems: Int = 20) throws -> VerifyReport {
        try fullVerification(db, rules: nil, maxRecordProblems: maxRecordProblems, cancellation: Cancellation()).report
    }

    private static func fullVerification(_ db: Database, rules: [DeadlineRule]?, maxRecordProblems: Int,
                                         cancellation: Cancellation) throws
        -> (report: VerifyReport, walk: AuditChainWalk, evidence: EvidenceFindings)
    {
        try cancellation.throwIfCancelled()
        let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
        let checkpoint = try VerifyCheckpoint.read(db)
        var walk = AuditChainWalk()
        var sawCheckpoint = (checkpoint?.sequence ?? 0) == 0
        let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM audit ORDER BY seq")
        while let row = try cursor.next() {
            try cancellation.throwIfCancelled()
            let entry = AuditLog.entry(from: row)
            walk.step(entry)
            if let checkpoint, entry.sequence == checkpoint.sequence {
                sawCheckpoint = true
                if entry.hash != checkpoint.hash {
                    walk.fail(at: entry.sequence, "it is not the row the last verification ended on (the history before it was rewritten)")
                }
            }
        }
        if let checkpoint, !sawCheckpoint {
            walk.fail(at: checkpoint.sequence, "the row the last verification ended on is missing (rows at the end of the trail were deleted)")
        }
        var records = RecordStateChecks(limit: maxRecordProblems, rules: rules)
        try records.checkTriggers(in: db)
        try records.checkTrustedKeys(in: db)
        try records.checkImportedPackages(in: db)
        try records.checkAll(in: db, cancellation: cancellation)
        try records.checkCounts(in: db)
        let evidence = try EvidenceFindings.collect(in: db, cancellation: cancellation)
        evidence.recordProblems.forEach { records.note($0) }
        try records.checkNothingMissing(in: db, cancellation: cancellation)
        let report = VerifyReport(integrityProblems: integrity, chainBreak: walk.chainBreak, recordProblems: records.problems,
                                  auditRows: walk.rows, requests: records.requests, evidenceMismatches: evidence.mismatches,
                                  neverVerified: evidence.neverVerified)
        return (report, walk, evidence)
    }

    /// Runs `body` on a connection of its own that ``close()`` can interrupt.
    private func check<T>(_ cancellation: Cancellation, _ body: (Database) throws -> T) throws -> T {
        try translatingErrors { try runningChecks.read(path: path, cancellation: cancellation, body) }
    }

    /// Keeps `checkpoint`; a desk that cannot be written (read-only, busy) simply checks more
    /// rows next time. It does not wait for another program's write: a verify that found the
    /// desk sound should not then sit out the busy timeout for a note to itself.
    private func recordCheckpoint(_ checkpoint: VerifyCheckpoint) {
        _ = try? writeOutsideTransaction { db in
            try db.execute(sql: "PRAGMA busy_timeout = 0")
            defer { try? db.execute(sql: "PRAGMA busy_timeout = \(Int(Self.busyTimeout * 1000))") }
            try db.inTransaction(.immediate) {
                try checkpoint.record(db)
                return .commit
            }
        }
    }
}
