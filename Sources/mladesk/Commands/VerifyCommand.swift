import ArgumentParser
import DeskStore

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the desk file and its audit chain.",
        discussion: "Runs SQLite's integrity check, walks the audit hash chain and compares every record with its last audited state. Exit 0 when sound, 1 with the first broken link named.")

    @OptionGroup var options: DeskOptions

    func run() throws {
        let (store, _) = try options.openDesk()
        let report = try store.verify()
        if report.isSound {
            print("Desk \(store.path) is sound: \(report.requests) requests, \(report.auditRows) audit rows, chain intact.")
            return
        }
        for line in report.findings {
            print(TextOutput.safe(line))
        }
        throw ExitCode(1)
    }
}
