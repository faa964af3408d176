import ArgumentParser
import DeskStore
import Foundation

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the desk, while in use, to a new checked file.",
        discussion: """
            DEST is a new file name, or an existing folder that receives desk-YYYYMMDD-HHMMSS.sqlite. \
            An existing file is never overwritten. The copy is written under a temporary name (0600), \
            checked with the desk's verify (SQLite's integrity check, the audit chain, every record), synced, and only then renamed: a \
            failed backup leaves nothing under the final name. The signing key is not part of the backup.
            """)

    @OptionGroup var options: DeskOptions
    @Argument(help: ArgumentHelp("A new file, or a folder.", valueName: "dest")) var destination: String

    func run() throws {
        TerminationCleanup.install()
        let (store, _) = try options.openDesk()
        let summary = try store.backup(to: destination)
        print(TextOutput.safe("Backed up \(store.path) to \(summary.path): \(TextOutput.counted(summary.requests, "request")), \(TextOutput.counted(summary.auditRows, "audit row")), \(summary.bytes) bytes; checked and synced."))
    }
}
