import DeskCore
import DeskTestSupport
import GRDB
import Testing

@testable import DeskStore

/// A desk with some history and a way to change its file behind the program's back, for the
/// tests of the audit chain and of the check at opening.
enum AuditFixtures {
    /// Seven audit rows: two requests, an update and a status change.
    static func deskWithHistory(_ folder: TemporaryDirectory) throws -> (DeskStore, Request) {
        let store = try Fixtures.store(in: folder)
        var request = try store.create(Fixtures.request())
        request.notes = "First note"
        request = try store.update(request)
        request = try store.changeStatus(id: request.id, expectedVersion: request.version, to: .internalReview,
                                         note: "", ground: nil)
        _ = try store.create(Fixtures.request(.incoming))
        return (store, request)
    }

    /// Changes the desk file with the append-only triggers dropped, as someone with `sqlite3` could.
    static func tamper(_ folder: TemporaryDirectory, _ change: (Database) throws -> Void) throws {
        let queue = try DatabaseQueue(path: folder.path("desk.sqlite"))
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER IF EXISTS audit_append_only_update; DROP TRIGGER IF EXISTS audit_append_only_delete")
            try change(db)
            for name in ["audit_append_only_update", "audit_append_only_delete"] {
                try db.execute(sql: try #require(DeskTriggers.expected?[name]))
            }
        }
        try queue.close()
    }
}
