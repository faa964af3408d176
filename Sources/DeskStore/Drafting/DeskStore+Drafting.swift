import DeskCore
import Foundation
import GRDB

extension DeskStore {
    /// Records in the request's history that a draft was written to a file, in its own
    /// transaction. The audit row carries the request's current state, so `verify` still
    /// matches the record to its last audited state.
    public func recordDraft(requestID: UUID, template: String, file: String) throws {
        try write { db in
            guard let body = try Self.storedBody(requestID, in: db)
            else { throw DeskError.notFound("Request \(requestID.uuidString)") }
            try AuditLog.append(
                .init(action: "draft", entity: .request, entityID: requestID.uuidString,
                      requestID: requestID.uuidString, detail: "drafted \(template) → \(file)", state: Data(body.utf8)),
                officer: self.officer, at: self.clock.now(), in: db)
        }
    }
}
