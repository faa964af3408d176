/// What a backup or a restore wrote, as checked before the file got its name.
public struct CopySummary: Sendable, Equatable {
    /// The file written: the backup, or the desk that was restored.
    public var path: String
    /// Where the desk that a restore replaced was kept, if there was one.
    public var keptAs: String?
    /// Where a restore kept the replaced desk's signing key, when the backup is of another desk:
    /// the key stays with the desk it signs for.
    public var keyKeptAs: String? = nil
    public var bytes: Int64
    public var requests: Int
    public var auditRows: Int
}
