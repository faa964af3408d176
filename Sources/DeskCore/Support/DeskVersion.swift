/// The program's version, in one place: `--version`, exports and the install bundle read it here.
public enum DeskVersion {
    public static let program = "0.1.0"
}
