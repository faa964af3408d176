import Foundation

/// One row of the audit trail: who did what to which record, when.
///
/// The store chains the rows with SHA-256 (each hash covers the previous hash and the row's
/// ``canonicalBytes``), so an edit, deletion or reordering behind the program's back is found.
public struct AuditEntry: Codable, Sendable, Hashable {
    public var sequence: Int64
    public var at: Date
    public var officer: String
    public var action: String
    public var entity: String
    public var entityID: String
    /// The request the change belongs to (empty for desk-wide actions such as an import).
    public var requestID: String
    /// What changed, in words (`status: draft → internal_review`).
    public var detail: String
    /// SHA-256 of the entity's canonical state after the change, so a record edited behind the
    /// program's back no longer matches its last audit row.
    public var stateHash: String
    public var previousHash: String
    public var hash: String

    public init(sequence: Int64, at: Date, officer: String, action: String, entity: String, entityID: String,
                requestID: String, detail: String, stateHash: String, previousHash: String, hash: String) {
        self.sequence = sequence
        self.at = at
        self.officer = officer
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.requestID = requestID
        self.detail = detail
        self.stateHash = stateHash
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The exact bytes the hash covers: fields separated by unit separators (U+001F), time in
    /// milliseconds since 1970, so the encoding never depends on locale or formatter. Written
    /// into one buffer: every audit row of a bulk load is hashed as it is written.
    public var canonicalBytes: [UInt8] {
        let millis = Int64((at.timeIntervalSince1970 * 1000).rounded())
        let fields = [officer, action, entity, entityID, requestID, detail, stateHash, previousHash]
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fields.reduce(48) { $0 + $1.utf8.count + 1 })
        bytes.append(contentsOf: String(sequence).utf8)
        bytes.append(Self.unitSeparator)
        bytes.append(contentsOf: String(millis).utf8)
        for field in fields {
            bytes.append(Self.unitSeparator)
            bytes.append(contentsOf: field.utf8)
        }
        return bytes
    }

    private static let unitSeparator: UInt8 = 0x1F
}
