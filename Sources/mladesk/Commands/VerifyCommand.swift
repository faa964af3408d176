import ArgumentParser
import DeskStore

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the desk file and its audit chain.",
        discussion: "Runs SQLite's integrity check, walks the audit hash chain, compares every record with its last audited state and reports evidence items whose hashes disagree (and, as notes, items never verified). Exit 0 when sound, 1 with the first broken link or a hash mismatch named. When the file and every record are sound, the end of the chain is kept as the checkpoint the desk checks from when it opens.")

    @OptionGroup var options: DeskOptions

    /// Never-verified items are information, not faults: a few name the pattern, a count the rest.
    static let maxNotes = 10

    func run() throws {
        let (store, _) = try options.openDesk()
        let report = try store.verify()
        for line in report.neverVerified.prefix(Self.maxNotes) {
            print(TextOutput.safe("note: \(line)"))
        }
        if report.neverVerified.count > Self.maxNotes {
            print("note: … and \(report.neverVerified.count - Self.maxNotes) more evidence items never verified")
        }
        if report.isSound {
            print("Desk \(store.path) is sound: \(TextOutput.counted(report.requests, "request")), \(TextOutput.counted(report.auditRows, "audit row")), chain intact.")
            return
        }
        for line in report.findings {
            print(TextOutput.safe(line))
        }
        if report.isRecordSound {
            print("Desk \(store.path): file and records sound, chain intact (\(TextOutput.counted(report.requests, "request")), \(TextOutput.counted(report.auditRows, "audit row"))); \(report.evidenceMismatches.count) evidence item(s) with hashes that disagree.")
        }
        throw ExitCode(1)
    }
}
