/// What a backup or a restore wrote, as checked before the file got its name.
public struct CopySummary: Sendable, Equatable {
    /// The file written: the backup, or the desk that was restored.
    public var path: String
    /// Where the desk that a restore replaced was kept, if there was one.
    public var keptAs: String?
    public var bytes: Int64
    public var requests: Int
    public var auditRows: Int
}
