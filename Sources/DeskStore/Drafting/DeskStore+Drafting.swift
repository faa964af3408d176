import DeskCore
import Foundation
import GRDB

extension DeskStore {
    /// Records in the request's history that a draft was written to a file, in its own
    /// transaction: the file's whole path (a name alone says nothing a month later, from another
    /// folder) and the SHA-256 of what was written, so the letter sent can be matched to the
    /// desk's record. The audit row carries the request's current state, so `verify` still
    /// matches the record to its last audited state.
    public func recordDraft(requestID: UUID, template: String, file: String, contents: Data) throws {
        let detail = "drafted \(template) → \(AbsolutePath.of(file)) (sha256 \(Hex.sha256(contents)))"
        try write { db in
            guard let body = try Self.storedBody(requestID, in: db)
            else { throw DeskError.notFound("Request \(requestID.uuidString)") }
            try AuditLog.append(
                .init(action: "draft", entity: .request, entityID: requestID.uuidString,
                      requestID: requestID.uuidString, detail: detail, state: Data(body.utf8)),
                officer: self.officer, at: self.clock.now(), in: db)
        }
    }
}
