import Foundation

/// A file named by `--out`. An officer's earlier draft or export under the same name is never
/// replaced by accident: without `--replace` the command stops before it does any work, and the
/// write itself refuses a file that appeared meanwhile (`DeskStore.writeOutputFile`).
enum OutputFile {
    static let replaceHelp = "Write over a file already at --out (without it, an existing file is left as it was)."

    static func refuseExisting(_ path: String, replace: Bool) throws {
        var info = stat()
        // Anything but a file at the name is refused by the write, which names what it is.
        guard !replace, lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return }
        throw CommandFailure(TextOutput.safe("\(path) already exists and was left as it was; nothing was written. "
            + "Give another name, or add --replace to write over it."))
    }
}
