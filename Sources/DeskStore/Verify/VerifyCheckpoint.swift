import DeskCore
import Foundation
import GRDB

/// Where the last sound check of the audit chain ended, kept in `desk_meta` so the check at
/// opening reads only the rows written since.
///
/// It is a shortcut, not a proof: the row it names must still carry `hash` and link to the row
/// before it, so rewriting the history before it shows; but it proves nothing about rows before
/// it that a full verify has not read since they changed (docs/reliability.md).
public struct VerifyCheckpoint: Codable, Sendable, Equatable {
    /// The last audit row checked and its hash.
    public var sequence: Int64
    public var hash: String
    /// When the whole file was last verified: SQLite's check, every row, every record.
    public var fullVerificationAt: Date
    /// When the chain was last checked up to `sequence` (at a full verify or at an opening).
    public var checkedAt: Date
    /// The evidence items whose hashes disagreed then, so the opening can name them again
    /// without reading every item.
    public var mismatchedItems: [String]

    static let key = "verify_checkpoint"

    static func read(_ db: Database) throws -> VerifyCheckpoint? {
        guard let text = try DeskMeta.value(key, in: db) else { return nil }
        return try? DeskJSON.decoder().decode(VerifyCheckpoint.self, from: Data(text.utf8))
    }

    /// Stores this checkpoint unless one further along is already there (another program on
    /// the same desk checked more rows meanwhile).
    func record(_ db: Database) throws {
        if let stored = try Self.read(db), stored.sequence > sequence { return }
        let text = String(decoding: try DeskJSON.encoder().encode(self), as: UTF8.self)
        try DeskMeta.set(Self.key, to: text, in: db)
    }
}
