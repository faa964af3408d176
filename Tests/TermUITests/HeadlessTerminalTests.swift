import Testing
import TermUI

@Suite struct HeadlessTerminalTests {
    @Test func deliversQueuedEventsInOrderThenTimesOut() {
        let terminal = HeadlessTerminal(width: 80, height: 24)
        terminal.enqueue([.char("a"), .ctrl("s")])
        terminal.resize(width: 100, height: 30)
        #expect(terminal.nextEvent(timeoutMilliseconds: 10) == .char("a"))
        #expect(terminal.nextEvent(timeoutMilliseconds: 10) == .ctrl("s"))
        #expect(terminal.nextEvent(timeoutMilliseconds: 10) == .resize(width: 100, height: 30))
        #expect(terminal.nextEvent(timeoutMilliseconds: -1) == nil)
        #expect(terminal.size == (100, 30))
    }

    @Test func keepsTheLastFrame() {
        let terminal = HeadlessTerminal(width: 20, height: 2)
        var screen = Screen(width: 20, height: 2)
        KeyBarView.render([("F2", "Save"), ("Esc", "Back"), ("F10", "Quit the desk now")], into: &screen, y: 1)
        terminal.present(screen)
        terminal.present(screen)
        #expect(terminal.presentCount == 2)
        #expect(terminal.lastScreen?.lines() == ["", "F2 Save  Esc Back"])
        #expect(terminal.lastScreen?.roleLines()[1].hasPrefix("kkKKKKKKKkkkKKKKK") == true)
        terminal.restore()
        terminal.restore()
        #expect(terminal.isRestored)
    }
}
