import DeskCore
import DeskTestSupport
import Foundation
import GRDB
import Testing

@testable import DeskStore

@Suite("The check at opening reads only what was written since the last verification")
struct OpenCheckTests {
    /// Edits row `sequence` and rewrites every later row so the chain links again, as a careful
    /// forger would.
    private func rewriteHistory(_ folder: TemporaryDirectory, from sequence: Int64) throws {
        try AuditFixtures.tamper(folder) { db in
            var previous = try String.fetchOne(db, sql: "SELECT hash FROM audit WHERE seq = ?", arguments: [sequence - 1])!
            for row in try Row.fetchAll(db, sql: "SELECT * FROM audit WHERE seq >= ? ORDER BY seq", arguments: [sequence]) {
                var entry = AuditLog.entry(from: row)
                if entry.sequence == sequence { entry.officer = "Mallory" }
                entry.previousHash = previous
                entry.hash = AuditLog.chainHash(entry)
                try db.execute(sql: "UPDATE audit SET officer = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                               arguments: [entry.officer, entry.previousHash, entry.hash, entry.sequence])
                previous = entry.hash
            }
        }
    }

    @Test("A clean full verify records where the chain ends; a dirty one records nothing")
    func checkpointOnlyWhenClean() throws {
        let folder = try TemporaryDirectory()
        let (store, _) = try AuditFixtures.deskWithHistory(folder)
        #expect(try store.verifyCheckpoint() == nil)
        #expect(try store.verify().isSound)
        let checkpoint = try #require(try store.verifyCheckpoint())
        #expect(checkpoint.sequence == 7)
        #expect(checkpoint.hash == (try store.read { try AuditLog.head($0) }))
        #expect(checkpoint.fullVerificationAt == Fixtures.today)

        let other = try TemporaryDirectory()
        let (dirty, request) = try AuditFixtures.deskWithHistory(other)
        try AuditFixtures.tamper(other) { db in
            try db.execute(sql: "UPDATE request SET body = replace(body, 'First note', 'Forged note') WHERE id = ?",
                           arguments: [request.id.uuidString])
        }
        #expect(try !dirty.verify().isRecordSound)
        #expect(try dirty.verifyCheckpoint() == nil)
    }

    @Test("With a checkpoint, a clean desk opens reading only the rows since, and the checkpoint moves on")
    func cleanOpenReadsTheTail() throws {
        let folder = try TemporaryDirectory()
        let (store, request) = try AuditFixtures.deskWithHistory(folder)
        #expect(try store.verifyAtOpen().checkedSince == nil, "the first opening verifies the whole file")
        var changed = try #require(try store.details(id: request.id)).request
        changed.notes = "Second note"
        _ = try store.update(changed)
        let report = try store.verifyAtOpen()
        #expect(report.findings.isEmpty && report.isSound, "\(report.findings)")
        #expect(report.checkedSince?.sequence == 7)
        #expect(report.auditRows == 3, "the row before the checkpoint, the checkpoint's row and the one new row")
        #expect(report.requests == 1)
        #expect(try store.verifyCheckpoint()?.sequence == 8)
        #expect(try store.verifyAtOpen().auditRows == 2)
    }

    @Test("Rewriting the history before the checkpoint, or the checkpoint's row, raises the alarm at opening")
    func tamperingBeforeTheCheckpoint() throws {
        let folder = try TemporaryDirectory()
        let (store, _) = try AuditFixtures.deskWithHistory(folder)
        #expect(try store.verify().isSound)
        try rewriteHistory(folder, from: 3)
        var report = try store.verifyAtOpen()
        #expect(report.chainBreak?.sequence == 7)
        #expect(report.chainBreak?.problem.contains("rewritten") == true)
        #expect(try store.verifyCheckpoint()?.sequence == 7, "an alarm leaves the checkpoint where it was")

        let other = try TemporaryDirectory()
        let (second, _) = try AuditFixtures.deskWithHistory(other)
        #expect(try second.verify().isSound)
        try AuditFixtures.tamper(other) { try $0.execute(sql: "UPDATE audit SET officer = 'Mallory' WHERE seq = 7") }
        report = try second.verifyAtOpen()
        #expect(report.chainBreak?.sequence == 7)
        try AuditFixtures.tamper(other) { try $0.execute(sql: "UPDATE audit SET officer = 'Mallory' WHERE seq = 6") }
        #expect(try second.verifyAtOpen().chainBreak?.sequence == 6, "the row before the checkpoint must still link to it")
    }

    @Test("A checkpoint beyond the end of the trail (rows deleted) raises the alarm")
    func truncatedTrail() throws {
        let folder = try TemporaryDirectory()
        let (store, _) = try AuditFixtures.deskWithHistory(folder)
        #expect(try store.verify().isSound)
        try AuditFixtures.tamper(folder) { try $0.execute(sql: "DELETE FROM audit WHERE seq >= 6") }
        #expect(try store.verifyAtOpen().chainBreak?.sequence == 7)
    }

    @Test("A new row edited, or a record changed behind the program's back after a tracked change, is reported")
    func tamperingAfterTheCheckpoint() throws {
        let folder = try TemporaryDirectory()
        let (store, request) = try AuditFixtures.deskWithHistory(folder)
        #expect(try store.verify().isSound)
        var changed = try #require(try store.details(id: request.id)).request
        changed.notes = "Second note"
        _ = try store.update(changed)
        try AuditFixtures.tamper(folder) { db in
            try db.execute(sql: "UPDATE request SET body = replace(body, 'Second note', 'Forged note') WHERE id = ?",
                           arguments: [request.id.uuidString])
        }
        var report = try store.verifyAtOpen()
        #expect(report.chainBreak == nil)
        #expect(report.recordProblems == [
            "Request OUT-2026-0001 differs from its last audited state (changed behind the program's back)",
            "Request OUT-2026-0001 has copies for lists and search that disagree with its record (changed behind the program's back): its full-text entry",
        ])
        try AuditFixtures.tamper(folder) { try $0.execute(sql: "UPDATE audit SET detail = 'nothing happened' WHERE seq = 8") }
        report = try store.verifyAtOpen()
        #expect(report.chainBreak?.sequence == 8)
        #expect(try store.verifyCheckpoint()?.sequence == 7)
    }

    @Test("A lone edit to an old row is beyond the check at opening; the full verify finds it")
    func oldRowNeedsFullVerify() throws {
        let folder = try TemporaryDirectory()
        let (store, _) = try AuditFixtures.deskWithHistory(folder)
        #expect(try store.verify().isSound)
        try AuditFixtures.tamper(folder) { try $0.execute(sql: "UPDATE audit SET officer = 'Mallory' WHERE seq = 3") }
        #expect(try store.verifyAtOpen().chainBreak == nil)
        #expect(try store.verify().chainBreak?.sequence == 3)
    }

    @Test("Closing the desk during a full verify returns at once and stops the verify")
    func closeStopsVerify() throws {
        let folder = try TemporaryDirectory()
        let (store, _) = try AuditFixtures.deskWithHistory(folder)
        try AuditFixtures.tamper(folder) { db in
            try db.execute(sql: """
                WITH RECURSIVE n(i) AS (SELECT 8 UNION ALL SELECT i + 1 FROM n WHERE i < 400000)
                INSERT INTO audit (seq, at, officer, action, entity, entity_id, request_id, detail, state_hash, prev_hash, hash)
                SELECT i, 0, 'x', 'note', 'desk', 'clock', '', '', '', '', '' FROM n
                """)
        }
        let (outcome, done) = Outcome.start { _ = try store.verify() }
        let deadline = Date().addingTimeInterval(30)
        while !store.runningChecks.isRunning && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.001)
        }
        try #require(store.runningChecks.isRunning)
        let started = Date()
        try store.close()
        #expect(Date().timeIntervalSince(started) < 2)
        #expect(done.wait(timeout: .now() + 5) == .success)
        #expect(outcome.value == "cancelled")
    }
}

extension OpenCheckTests {
    @Test("Closing while a check starts, reads or keeps its checkpoint never touches a closed database")
    func closeRacesTheCheck() throws {
        let folder = try TemporaryDirectory()
        let (first, _) = try AuditFixtures.deskWithHistory(folder)
        try first.close()
        for round in 0..<40 {
            let store = try Fixtures.store(in: folder)
            let (outcome, done) = Outcome.start { _ = try store.verifyAtOpen() }
            // A head start that varies by round, so the close lands in every phase of the check.
            if round.isMultiple(of: 2) { Thread.sleep(forTimeInterval: Double(round) / 10_000) }
            try store.close()
            #expect(done.wait(timeout: .now() + 10) == .success)
            #expect(["finished", "cancelled"].contains(outcome.value), "round \(round): \(outcome.value)")
        }
    }
}

/// What the verify thread ended with.
private final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    func set(_ value: String) { lock.withLock { text = value } }

    /// Runs `check` on a thread of its own; the semaphore is signalled when it has ended
    /// ("finished", "cancelled" or the error).
    static func start(_ check: @escaping @Sendable () throws -> Void) -> (Outcome, DispatchSemaphore) {
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Thread {
            do {
                try check()
                outcome.set("finished")
            } catch is CancellationError {
                outcome.set("cancelled")
            } catch {
                outcome.set("\(error)")
            }
            done.signal()
        }.start()
        return (outcome, done)
    }
    var value: String { lock.withLock { text } }
}
