import Crypto
import DeskCore
import DeskTestSupport
import Foundation
import GRDB
import Testing

@testable import DeskStore

@Suite("The audit trail is written with every change and shows tampering")
struct AuditChainTests {
    private func tamper(_ folder: TemporaryDirectory, _ sql: String) throws {
        try AuditFixtures.tamper(folder) { try $0.execute(sql: sql) }
    }

    @Test("Every change writes its audit rows in the same transaction, and the chain verifies")
    func chainVerifies() throws {
        let folder = try TemporaryDirectory()
        let (store, request) = try AuditFixtures.deskWithHistory(folder)
        let rows = try store.audit(requestID: request.id)
        #expect(rows.map(\.action) == ["create", "status_history", "update", "status", "status_history"])
        #expect(rows.allSatisfy { $0.officer == "Ana Müller" })
        let report = try store.verify()
        #expect(report.isSound, "\(report.findings)")
        #expect(report.auditRows == 7)
    }

    @Test("Editing an audit row behind the program's back names its sequence")
    func editedAuditRow() throws {
        let folder = try TemporaryDirectory()
        let (store, _) = try AuditFixtures.deskWithHistory(folder)
        try tamper(folder, "UPDATE audit SET officer = 'Mallory' WHERE seq = 3")
        let report = try store.verify()
        #expect(report.chainBreak?.sequence == 3)
        #expect(!report.isSound)
    }

    @Test("Deleting or reordering audit rows breaks the chain at the first gap")
    func deletedAuditRow() throws {
        let folder = try TemporaryDirectory()
        let (store, _) = try AuditFixtures.deskWithHistory(folder)
        try tamper(folder, "DELETE FROM audit WHERE seq = 4")
        #expect(try store.verify().chainBreak?.sequence == 4)
        let other = try TemporaryDirectory()
        let (second, _) = try AuditFixtures.deskWithHistory(other)
        try tamper(other, "UPDATE audit SET seq = seq + 100 WHERE seq = 2; UPDATE audit SET seq = 2 WHERE seq = 3; UPDATE audit SET seq = 3 WHERE seq = 102")
        #expect(try second.verify().chainBreak?.sequence == 2)
    }

    @Test("A request changed behind the program's back is caught although SQLite's check passes")
    func editedRecord() throws {
        let folder = try TemporaryDirectory()
        let (store, request) = try AuditFixtures.deskWithHistory(folder)
        try tamper(folder, "UPDATE request SET body = replace(body, 'First note', 'Forged note') WHERE id = '\(request.id.uuidString)'")
        let report = try store.verify()
        #expect(report.integrityProblems.isEmpty)
        #expect(report.chainBreak == nil)
        #expect(report.recordProblems.contains { $0.contains("OUT-2026-0001") })
    }

    @Test("Status history rows are append-only through the store's own connection")
    func appendOnly() throws {
        let folder = try TemporaryDirectory()
        let (store, _) = try AuditFixtures.deskWithHistory(folder)
        #expect(throws: (any Error).self) {
            try store.pool.write { try $0.execute(sql: "DELETE FROM status_change") }
        }
        #expect(throws: (any Error).self) {
            try store.pool.write { try $0.execute(sql: "UPDATE audit SET officer = 'x'") }
        }
        #expect(try store.verify().isSound)
    }

    @Test("A trigger dropped, rewritten or added behind the program's back is named by verify and by the check at opening", arguments: [
        ("DROP TRIGGER audit_append_only_delete", "The trigger audit_append_only_delete is missing"),
        ("DROP TRIGGER request_count_update", "The trigger request_count_update is missing"),
        ("DROP TRIGGER custody_event_append_only_update; CREATE TRIGGER custody_event_append_only_update BEFORE UPDATE ON custody_event BEGIN SELECT 1; END",
         "The trigger custody_event_append_only_update is not the program's (rewritten"),
        ("CREATE TRIGGER quiet AFTER INSERT ON audit BEGIN SELECT 1; END", "The trigger quiet is not the program's (added"),
    ])
    func triggersAreTheProgramsOwn(sql: String, finding: String) throws {
        let folder = try TemporaryDirectory()
        let (store, _) = try AuditFixtures.deskWithHistory(folder)
        #expect(try store.verify().isSound)
        let queue = try DatabaseQueue(path: folder.path("desk.sqlite"))
        try queue.writeWithoutTransaction { try $0.execute(sql: sql) }
        try queue.close()
        let atOpen = try store.verifyAtOpen()
        #expect(atOpen.recordProblems.contains { $0.hasPrefix(finding) }, "\(atOpen.findings)")
        let report = try store.verify()
        #expect(!report.isSound)
        #expect(report.recordProblems.contains { $0.hasPrefix(finding) }, "\(report.findings)")
    }

    @Test("A trusted key added, changed or removed behind the program's back is named by verify and by the check at opening")
    func trustedKeysAreTheTrailsOwn() throws {
        let folder = try TemporaryDirectory()
        let (store, _) = try AuditFixtures.deskWithHistory(folder)
        let partner = Curve25519.Signing.PrivateKey().publicKey.rawRepresentation.base64EncodedString()
        let trusted = try store.trust(publicKey: partner, label: "Central Authority Berlin")
        let removed = try store.trust(publicKey: Curve25519.Signing.PrivateKey().publicKey.rawRepresentation.base64EncodedString(),
                                      label: "Desk Vienna")
        try store.untrust(keyID: removed.keyID)
        #expect(try store.verify().isSound, "trusting and untrusting through the program is sound")

        let planted = Curve25519.Signing.PrivateKey().publicKey.rawRepresentation.base64EncodedString()
        let queue = try DatabaseQueue(path: folder.path("desk.sqlite"))
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "INSERT INTO trusted_key VALUES ('81b9da587d98c75b', ?, 'Central Authority Paris', 0, 'root')",
                           arguments: [planted])
            try db.execute(sql: "UPDATE trusted_key SET label = 'Central Authority Bern' WHERE key_id = ?", arguments: [trusted.keyID])
        }
        try queue.close()
        for report in [try store.verifyAtOpen(), try store.verify()] {
            #expect(report.recordProblems.contains { $0.hasPrefix("The trusted key 81b9da587d98c75b (Central Authority Paris) was never trusted") },
                    "\(report.findings)")
            #expect(report.recordProblems.contains { $0.hasPrefix("The trusted key \(trusted.keyID) (Central Authority Bern) differs") })
        }
        let again = try DatabaseQueue(path: folder.path("desk.sqlite"))
        try again.writeWithoutTransaction { try $0.execute(sql: "DELETE FROM trusted_key") }
        try again.close()
        let report = try store.verify()
        #expect(report.recordProblems == ["The trusted key \(trusted.keyID) was removed without being untrusted (deleted behind the program's back)"],
                "\(report.findings)")
    }
}
