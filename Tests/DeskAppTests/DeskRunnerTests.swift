import DeskApp
import DeskCore
import DeskStore
import DeskTestSupport
import Foundation
import Testing
import TermUI

@Suite struct DeskRunnerTests {
    /// A case file holding one outgoing draft, the request the tests open.
    static func caseFile(in folder: TemporaryDirectory) throws -> (DeskStore, Request) {
        let store = try DeskStore.open(path: folder.path("desk.mladesk"), officer: "anna", clock: FixedClock(DeskFixtures.now))
        var draft = DeskFixtures.request()
        draft.id = UUID()
        return (store, try store.create(draft))
    }

    /// The desk on `store` at 80×24 in UTC, started: its home page drawn.
    static func started(_ store: DeskStore, clock: any Clock) throws -> (HeadlessTerminal, DeskRunner) {
        let terminal = HeadlessTerminal(width: 80, height: 24)
        let runner = try DeskRunner(terminal: terminal, store: store, reference: DeskFixtures.reference, clock: clock,
                                    timeZone: DeskFixtures.utc)
        runner.start()
        return (terminal, runner)
    }

    @Test func openFilterEditSaveAndSeeTheChangeInARealCaseFile() throws {
        let folder = try TemporaryDirectory("deskrunner")
        let clock = FixedClock(DeskFixtures.now)
        let (store, created) = try Self.caseFile(in: folder)
        var other = DeskFixtures.request(direction: .incoming)
        other.id = UUID()
        _ = try store.create(other)

        let (terminal, runner) = try Self.started(store, clock: clock)
        #expect(terminal.lastScreen?.contains("All outgoing") == true)

        terminal.enqueue([.char("l"), .char("/")] + "status:draft".map { KeyEvent.char($0) } + [.key(.enter)])
        runner.processPending()
        #expect(runner.state.list.total == 1)
        #expect(terminal.lastScreen?.contains(created.reference.description) == true)

        terminal.enqueue([.key(.enter), .char("e")] + Array(repeating: .key(.tab), count: 10)
            + [.ctrl("u")] + "OP-KESTREL".map { KeyEvent.char($0) } + [.ctrl("s")])
        runner.processPending()
        #expect(runner.state.page == .detail)
        #expect(runner.state.message?.text == "Saved \(created.reference).")
        #expect(terminal.lastScreen?.contains("OP-KESTREL") == true)
        #expect(try store.details(id: created.id)?.request.operation == "OP-KESTREL")
        #expect(try store.details(id: created.id)?.request.version == 2)

        terminal.enqueue([.key(.escape), .key(.enter), .char("5")])
        runner.processPending()
        #expect(terminal.lastScreen?.contains("Audit trail") == true)
        #expect(terminal.lastScreen?.contains("anna update request") == true, "the reopened request shows the edit")
        #expect(runner.state.detail?.audit.isEmpty == false)

        let presents = terminal.presentCount
        terminal.enqueue([.char("z"), .char("@")])
        runner.processPending()
        #expect(terminal.presentCount == presents, "keys that change nothing do not redraw")

        let drawn = runner.drawnFrames
        runner.processPending()
        #expect(runner.drawnFrames == drawn, "an idle tick changes no state, so nothing is drawn")

        terminal.resize(width: 120, height: 40)
        runner.processPending()
        #expect(terminal.lastScreen?.width == 120)
        #expect(runner.drawnFrames == drawn + 1, "one event that changed the state is drawn once")

        terminal.enqueue([.char("q")])
        runner.run()
        #expect(runner.state.isFinished)
    }

    /// The desk's "now" moved once a minute: a status change at 09:30:30 recorded its moment,
    /// and the form saved ten seconds later still held 09:30:00 as now, so the date just recorded
    /// was "in the future" and nothing could be saved until the next minute.
    @Test func aFormSavedWithinTheMinuteOfAStatusChangeTakesTheDateItRecorded() throws {
        let folder = try TemporaryDirectory("deskrunner-clock")
        let clock = HandClock(DeskFixtures.now)
        let store = try DeskStore.open(path: folder.path("desk.mladesk"), officer: "anna", clock: clock)
        var received = DeskFixtures.request(direction: .incoming)
        received.id = UUID()
        received = try store.create(received)
        let (terminal, runner) = try Self.started(store, clock: clock)
        terminal.enqueue([.char("l"), .key(.enter)])
        runner.processPending()
        clock.move(by: 30)
        terminal.enqueue([.char("s"), .key(.enter)])
        runner.processPending()
        let moved = try #require(try store.details(id: received.id)?.request)
        #expect(moved.status == .acknowledged && moved.dates.acknowledged == DeskFixtures.now.addingTimeInterval(30))
        clock.move(by: 10)
        terminal.enqueue([.char("e"), .ctrl("s")])
        runner.processPending()
        #expect(runner.state.message?.isError != true, "\(String(describing: runner.state.message))")
        #expect(runner.state.page == .detail)
    }

    @Test func aBurstOfPastedKeysIsOneEditAndOneFramePastedTextRunsNoCommand() throws {
        let folder = try TemporaryDirectory("deskrunner-paste")
        let (store, created) = try Self.caseFile(in: folder)
        let clock = FixedClock(DeskFixtures.now)
        let (terminal, runner) = try Self.started(store, clock: clock)
        terminal.enqueue([.paste("nqlq")])
        runner.processPending()
        #expect(runner.state.page == .home && !runner.state.isFinished, "a paste outside a text field runs no command")

        terminal.enqueue([.char("l"), .key(.enter), .char("e")] + Array(repeating: .key(.tab), count: 10) + [.ctrl("u")])
        runner.processPending()
        let pasted = String(repeating: "OP-LONG ", count: 25)
        let frames = runner.drawnFrames
        terminal.enqueue(pasted.map { KeyEvent.char($0) } + [.ctrl("s")])
        terminal.enqueue([.char("q")])
        runner.run()
        #expect(runner.drawnFrames - frames <= 3, "\(runner.drawnFrames - frames) frames for one burst")
        let operation = try store.details(id: created.id)?.request.operation
        #expect(operation == pasted.trimmingCharacters(in: .whitespaces), "the whole paste, saved as a one-line field is")
        #expect(runner.state.isFinished)
    }

    @Test func aBrokenKeysFileIsReportedWithItsLine() throws {
        let folder = try TemporaryDirectory("deskrunner-keys")
        let store = try DeskStore.open(path: folder.path("desk.mladesk"), officer: "anna")
        #expect(throws: KeyMapError.self) {
            _ = try DeskRunner(terminal: HeadlessTerminal(width: 80, height: 24), store: store,
                               reference: DeskFixtures.reference, keymapText: "list.next = j\nlist.previous = j")
        }
    }
}
