import ArgumentParser
import DeskCore
import DeskStore

/// The `mladesk` command: with no subcommand it opens the full-screen desk.
struct Mladesk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mladesk",
        abstract: "A case desk for mutual legal assistance requests in cybercrime cases.",
        discussion: """
            Every command works on one desk file: --db PATH, or MLADESK_DB, or \
            $XDG_DATA_HOME/mladesk/desk.sqlite (~/.local/share/mladesk/desk.sqlite). \
            Changes are recorded under --officer NAME (MLADESK_OFFICER, default: the login name).
            Exit codes: 0 success, 1 a problem found or a change refused, 2 a usage error.
            """,
        version: "mladesk \(DeskVersion.program) (\(DataFormatVersions.summary))",
        subcommands: [
            OpenCommand.self,
            InitCommand.self,
            DemoCommand.self,
            ListCommand.self,
            ShowCommand.self,
            ChecklistCommand.self,
            CheckCommand.self,
            AgendaCommand.self,
            StatusCommand.self,
            ExtendCommand.self,
            LogCommand.self,
            ExportCommand.self,
            ImportCommand.self,
            VerifyCommand.self,
            BackupCommand.self,
            RestoreCommand.self,
            EvidenceCommand.self,
            HashCommand.self,
            KeyCommand.self,
            DraftCommand.self,
            ReportCommand.self,
        ],
        defaultSubcommand: OpenCommand.self
    )
}
