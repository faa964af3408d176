import DeskTestSupport
import Foundation
import Testing

/// The full-screen desk as an officer uses it: the real binary under tmux, keys in, screen out,
/// and the database checked afterwards through the command line.
@Suite("The full-screen desk under tmux", .serialized)
struct DeskSessionTests {
    func demoDesk(_ folder: TemporaryDirectory, count: Int = 300) throws -> CommandRunner {
        let cli = CommandRunner(database: folder.path("desk.sqlite"))
        let filled = try cli.run(["demo", "--count", "\(count)", "--seed", "7", "--as-of", "2026-11-29"])
        #expect(filled.status == 0, "\(filled.stderr)")
        return cli
    }

    func open(_ cli: CommandRunner, width: Int = 100, height: Int = 30) throws -> TmuxSession {
        var environment = cli.environment
        environment["TERM"] = "xterm-256color"
        return try TmuxSession(arguments: [], environment: environment, width: width, height: height)
    }

    @Test("Filter, open a request, edit a field, save, quit, reopen and see the change")
    func editAndReopen() throws {
        let folder = try TemporaryDirectory()
        let cli = try demoDesk(folder)
        let (desk, reference) = try editDraft(cli)
        try desk.moveTo("Operation")
        try desk.press("C-u")
        try desk.type("OP-TMUX-ÉTÉ")
        try desk.press("C-s")
        try desk.waitFor("OP-TMUX-ÉTÉ")
        try desk.waitForAbsence("Edit \(reference)")
        try desk.leaveToHomeAndQuit()
        try desk.waitForExit()

        let shown = try cli.run(["show", reference])
        #expect(shown.stdout.contains("OP-TMUX-ÉTÉ"))
        let log = try cli.run(["log", reference])
        #expect(log.stdout.contains("operation:"))
        #expect(try cli.run(["verify"]).stdout.contains("chain intact"))

        let again = try open(cli)
        try again.waitFor("Needs attention")
        try again.press("l", "/")
        try again.type("OP-TMUX")
        try again.press("Enter")
        try again.waitFor(reference)
        try again.press("q")
        try again.waitForExit()
    }

    @Test("Quitting while the opening check still reads the desk leaves it whole: no -wal or -shm beside it")
    func quitDuringTheOpeningCheck() throws {
        let folder = try TemporaryDirectory()
        // Large enough that the first full verify (no checkpoint yet) takes seconds.
        let cli = try demoDesk(folder, count: 3_000)
        let desk = try open(cli)
        try desk.waitFor("Needs attention")
        try desk.press("q")
        try desk.waitForExit()
        let path = folder.path("desk.sqlite")
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: path + "-shm"))
    }

    @Test("A paste is text where it lands: a Tab inside never moves the focus; 16,500 unmarked characters go in at once")
    func pasteIntoTheForm() throws {
        let folder = try TemporaryDirectory()
        let cli = try demoDesk(folder)
        let (desk, reference) = try editDraft(cli)
        try desk.moveTo("Operation")
        try desk.press("C-u")
        try desk.paste("OP-PASTE\tNORTH\nSOUTH", bracketed: true)
        try desk.waitFor("OP-PASTE NORTH SOUTH")
        try desk.moveTo("Assistance sought")
        let words = String(repeating: "subscriber ", count: 1_500) + "END-OF-PASTE"
        try desk.paste(words, bracketed: false)
        try desk.press("C-s")
        try desk.waitForAbsence("Edit \(reference)", timeout: 30)
        try desk.leaveToHomeAndQuit()
        try desk.waitForExit()
        let shown = try cli.run(["show", reference, "--format", "json"])
        #expect(shown.stdout.contains("\"operation\" : \"OP-PASTE NORTH SOUTH\""), "\(shown.stdout.prefix(2000))")
        #expect(shown.stdout.contains("END-OF-PASTE"))
    }

    @Test("A new request through the form: the validation error first, then a save")
    func newRequest() throws {
        let folder = try TemporaryDirectory()
        let cli = CommandRunner(database: folder.path("desk.sqlite"))
        let desk = try open(cli)
        try desk.waitFor("Needs attention")
        try desk.press("n")
        try desk.waitFor("New request")
        try desk.press("C-s")
        try desk.waitFor("Not saved")
        try desk.moveTo("Country")
        try desk.type("germany")
        try desk.press("Enter")
        try desk.moveTo("Legal basis")
        try desk.type("budapest")
        try desk.press("Enter")
        try desk.moveTo("Request types")
        try desk.type("subscriber")
        try desk.press("Space")
        try desk.moveTo("Operation")
        try desk.type("लक्ष्मी 👩\u{200D}💻 OP")
        try desk.moveTo("Summary of facts")
        try desk.type("東京 phishing kit \u{202E}gnp.exe")
        try desk.press("C-s")
        try desk.waitFor("OUT-")
        try desk.waitForAbsence("New request")
        try desk.waitFor("लक्ष्मी 👩💻 OP")
        try desk.leaveToHomeAndQuit()
        try desk.waitForExit()
        let listed = try cli.run(["list", "--format", "json"])
        let rows = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]]
        #expect(rows?.count == 1)
        #expect(rows?.first?["country"] as? String == "DE")
        let shown = try cli.run(["show", "OUT-2026-0001", "--format", "json"])
        #expect(shown.stdout.contains("東京 phishing kit"))
    }

    @Test("Change a status through the dialog; the history shows it")
    func changeStatus() throws {
        let folder = try TemporaryDirectory()
        let cli = try demoDesk(folder)
        let reference = try #require(try firstReference(cli, ["--direction", "out", "--status", "draft"]))
        let desk = try open(cli)
        try desk.listOnly(reference)
        try desk.press("s")
        try desk.waitFor("Internal review")
        try selectInDialog("Internal review", in: desk)
        try desk.waitUntil("status shown as Internal review") { $0.contains(reference) && $0.contains("Internal review") && !$0.contains("Change status") }
        try desk.press("q")
        try desk.waitForExit()
        let shown = try cli.run(["show", reference])
        #expect(shown.stdout.contains("draft → internal_review"))
    }

    @Test("Resizing to 60×20 and back re-lays the screen; below the minimum it says so")
    func resize() throws {
        let folder = try TemporaryDirectory()
        let cli = try demoDesk(folder, count: 50)
        let desk = try open(cli)
        try desk.waitFor("Needs attention")
        try desk.press("l")
        try desk.waitFor("of 50")
        try desk.resize(width: 60, height: 20)
        try desk.waitUntil("a 60-column list") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return screen.contains("Reference") && lines.allSatisfy { $0.count <= 60 }
        }
        try desk.resize(width: 20, height: 5)
        try desk.waitFor("too small")
        try desk.resize(width: 120, height: 40)
        try desk.waitFor("Officer")
        try desk.waitFor("of 50")
        try desk.press("q")
        try desk.waitForExit()
    }

    func selectInDialog(_ label: String, in desk: TmuxSession) throws {
        for _ in 0..<30 {
            let screen = try desk.settled()
            if screen.split(separator: "\n").contains(where: { $0.contains("(•) \(label)") }) {
                try desk.press("Enter")
                return
            }
            try desk.press("Down")
            try desk.waitUntil("highlight to move") { $0 != screen }
        }
        throw TmuxSession.Timeout(expected: "\(label) selectable", screen: try desk.capture())
    }

    /// Opens the desk on the first outgoing draft, found through the list's filter, in its edit form.
    func editDraft(_ cli: CommandRunner) throws -> (desk: TmuxSession, reference: String) {
        let reference = try #require(try firstReference(cli, ["--direction", "out", "--status", "draft"]))
        let desk = try open(cli)
        try desk.listOnly(reference)
        try desk.press("Enter")
        try desk.waitFor("1 Summary")
        try desk.press("e")
        try desk.waitFor("Edit \(reference)")
        return (desk, reference)
    }

    func firstReference(_ cli: CommandRunner, _ filters: [String]) throws -> String? {
        let listed = try cli.run(["list", "--format", "json", "--limit", "1"] + filters)
        let rows = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]]
        return rows?.first?["reference"] as? String
    }
}
