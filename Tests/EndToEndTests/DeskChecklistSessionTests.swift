import DeskCore
import DeskStore
import DeskTestSupport
import Foundation
import Testing

extension DeskSessionTests {
    /// A desk holding one approved outgoing preservation request (OUT-2026-0001) with its
    /// checklist built from the templates, as the desk's New form would save it.
    private func approvedPreservation(_ folder: TemporaryDirectory) throws -> CommandRunner {
        let path = folder.path("desk.sqlite")
        let store = try DeskStore.open(path: path, officer: "Ana Müller", createIfMissing: true,
                                       reference: Fixtures.reference)
        var request = Fixtures.request(types: ["preservation"])
        request.dates.created = Date()
        _ = try store.create(request)
        try store.close()
        let cli = CommandRunner(database: path)
        for status in ["internal_review", "approved"] {
            let moved = try cli.run(["status", "OUT-2026-0001", status])
            #expect(moved.status == 0, "\(moved.stderr)")
        }
        return cli
    }

    @Test("The checklist gates transmission in the dialog; ticking every item on the tab lets it through")
    func tickChecklistThenTransmit() throws {
        let folder = try TemporaryDirectory()
        let cli = try approvedPreservation(folder)
        let desk = try open(cli)
        try desk.waitFor("Needs attention")
        try desk.press("l")
        try desk.waitFor("OUT-2026-0001")
        try desk.press("Enter")
        try desk.waitFor("1 Summary")
        try desk.press("3")
        try desk.waitFor("Required 0/6")

        try desk.press("s")
        try desk.waitFor("Transmitted  (6 items missing)")
        try selectInDialog("Transmitted", in: desk)
        let refused = try desk.waitFor("cannot move to transmitted")
        #expect(refused.contains("cannot move to transmitted: 6 required checklist"))
        #expect(refused.contains("Custodian of the data"))
        try desk.press("Escape")
        try desk.waitForAbsence("Change status")

        try desk.press("f")
        try desk.waitFor("showing open required only")
        for settled in 1...6 {
            let before = try desk.settled()
            try desk.press("Space")
            try desk.waitUntil("Required \(settled)/6") { $0 != before && $0.contains("Required \(settled)/6") }
        }
        try desk.waitFor("Every required item is settled.")

        try desk.press("s")
        let dialog = try desk.waitFor("Change status")
        #expect(!dialog.contains("items missing"))
        try selectInDialog("Transmitted", in: desk)
        try desk.waitUntil("the request shown as transmitted") {
            $0.contains("OUT-2026-0001  Transmitted") && !$0.contains("Change status")
        }
        try desk.leaveToHomeAndQuit()
        try desk.waitForExit()

        let shown = try cli.run(["show", "OUT-2026-0001"])
        #expect(shown.stdout.contains("approved → transmitted"), "\(shown.stdout)")
        #expect(shown.stdout.contains("Checklist (Required 6/6)"))
        let checklist = try cli.run(["checklist", "OUT-2026-0001"])
        #expect(checklist.stdout.contains("Required 6/6"))
        #expect(checklist.stdout.contains("[x] * Custodian of the data or location of the system"))
        #expect(try cli.run(["verify"]).status == 0)
    }

    @Test("On a demo desk, a transmitted request's checklist tab shows its required items settled")
    func demoChecklist() throws {
        let folder = try TemporaryDirectory()
        let cli = try demoDesk(folder, count: 60)
        let reference = try #require(try firstReference(cli, ["--direction", "out", "--status", "transmitted"]))
        let printed = try cli.run(["checklist", reference]).stdout
        #expect(!printed.contains("(no checklist)"))
        let meter = try #require(printed.firstMatch(of: /Required (\d+)\/(\d+)/))
        #expect(meter.1 == meter.2 && Int(meter.2) ?? 0 > 0, "\(printed)")
        #expect(printed.contains("[x] *"))

        let desk = try open(cli)
        try desk.listOnly(reference)
        try desk.press("Enter")
        try desk.waitFor("1 Summary")
        try desk.press("3")
        let tab = try desk.waitFor(String(meter.0))
        #expect(tab.contains("[x]"))
        try desk.leaveToHomeAndQuit()
        try desk.waitForExit()
    }
}
