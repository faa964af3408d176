/// What a backup or a restore wrote, as checked before the file got its name.
public struct CopySummary: Sendable, Equatable {
    /// The file written: the backup, or the desk that was restored.
    public var path: String
    /// Where the desk that a restore replaced was kept, if there was one.
    public var keptAs: String?
    /// Where a restore kept the replaced desk's signing key, when the backup is of another desk:
    /// the key stays with the desk it signs for.
    public var keyKeptAs: String? = nil
    /// What the desk that a restore replaced held (requests, audit rows), so the officer sees
    /// what is no longer on the live desk; nil when it could not be read.
    public var replaced: DeskCounts? = nil
    public var bytes: Int64
    public var requests: Int
    public var auditRows: Int
}

/// How many requests and audit rows a desk holds.
public struct DeskCounts: Sendable, Equatable {
    public var requests: Int
    public var auditRows: Int
}
