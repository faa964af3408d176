/// The versions of everything this program writes for later or for another desk, in one line.
///
/// Two workstations can run the same program version yet disagree about files only when one is
/// rebuilt; an officer checking whether a desk file, an exported archive or an exchange package
/// will be understood elsewhere needs these numbers, so `--version` prints them beside the
/// program's own version.
public enum DataFormatVersions {
    public static var summary: String {
        "desk file format \(DeskFormat.currentVersion), "
            + "\(RequestArchive.formatName) format \(RequestArchive.formatVersion), "
            + "\(PackageManifest.formatName) format \(PackageManifest.currentVersion)"
    }
}
