/// How a desk file identifies itself, so the program never writes to a file that is not one.
public enum DeskFormat {
    /// `PRAGMA application_id`: "MLAD" in ASCII.
    public static let applicationID: Int32 = 0x4D4C_4144
    /// `PRAGMA user_version` after all migrations this program knows; each migration sets its own number.
    public static var currentVersion: Int { DeskMigrations.names.count }
}
