import ArgumentParser
import DeskStore
import Foundation

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Put a backup back as the desk, after checking it.",
        discussion: """
            The backup is copied beside the desk under a temporary name and must pass the desk's verify \
            (SQLite's integrity check, the audit chain, every record); a file that does not verify is refused and nothing changes. An existing \
            desk is replaced only with --force and is kept, with its -wal, as DESK.before-restore-YYYYMMDD-HHMMSS. \
            Close the desk everywhere before restoring. The restore is recorded in the restored desk's audit trail.
            """)

    @OptionGroup var options: DeskOptions
    @Argument(help: ArgumentHelp("A file written by `mladesk backup`.", valueName: "src")) var source: String
    @Flag(help: "Replace an existing desk (it is kept beside the restored one).") var force = false

    func run() throws {
        TerminationCleanup.install()
        let summary = try DeskStore.restore(from: source, to: options.databasePath, officer: options.officerName,
                                            replacing: force)
        var line = "Restored \(summary.path) from \(source): \(summary.requests) requests, \(summary.auditRows) audit rows, verified."
        if let kept = summary.keptAs {
            let held = summary.replaced.map { " (\($0.requests) requests, \($0.auditRows) audit rows: what was done since the backup is there only)" } ?? ""
            line += " The desk it replaced\(held) is kept as \(kept)."
        }
        if let key = summary.keyKeptAs {
            line += " The backup is of another desk: the replaced desk's signing key is kept with it as \(key);"
                + " this desk makes a key of its own when it first signs a package, which partners must trust anew."
        }
        print(TextOutput.safe(line))
    }
}
