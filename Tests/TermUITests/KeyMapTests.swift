import Testing
import TermUI

@Suite struct KeyMapTests {
    enum Action: String, Hashable, Sendable, CaseIterable {
        case save = "request.save", next = "list.next", previous = "list.previous", quit = "app.quit", help = "app.help"
    }

    private func chord(_ text: String) -> KeyChord { KeyChord(parsing: text)! }

    private var map: KeyMap<Action> {
        KeyMap([
            Binding(.save, [chord("ctrl-s"), chord("F2")], help: "Save"),
            Binding(.next, [chord("j"), chord("Down")], help: "Next", showInBar: false),
            Binding(.previous, [chord("k"), chord("Up")], help: "Previous", showInBar: false),
            Binding(.help, [chord("?"), chord("F1")], help: "Help"),
            Binding(.quit, [chord("ctrl-q")], help: "Quit"),
        ])
    }

    @Test func looksUpActionsAndKeys() {
        #expect(map.action(for: .ctrl("s")) == .save)
        #expect(map.action(for: .key(.f(2))) == .save)
        #expect(map.action(for: .char("x")) == nil)
        #expect(map.keys(for: .next) == [chord("j"), chord("Down")])
    }

    @Test func barAndHelpComeFromTheSameTable() {
        #expect(map.barItems.map(\.key) == ["Ctrl-S", "?", "Ctrl-Q"])
        #expect(map.helpEntries.first?.keys == "Ctrl-S, F2")
    }

    @Test func remapReplacesTheListedActionsKeys() throws {
        let file = """
            # my keys
            list.next = n, PgDn

            request.save = C-w
            """
        let remapped = try map.remapped(with: file, actionNamed: Action.init(rawValue:))
        #expect(remapped.keys(for: .next) == [chord("n"), chord("PgDn")])
        #expect(remapped.action(for: .char("j")) == nil)
        #expect(remapped.action(for: .ctrl("w")) == .save)
        #expect(remapped.action(for: .ctrl("s")) == nil)
        #expect(remapped.action(for: .char("k")) == .previous)
    }

    private func error(_ file: String) -> KeyMapError? {
        do {
            _ = try map.remapped(with: file, actionNamed: Action.init(rawValue:))
            return nil
        } catch {
            return error
        }
    }

    @Test func unknownActionNamesItsLine() {
        let e = error("list.next = j\n\nlist.nope = x")
        #expect(e?.line == 3)
        #expect(e?.message.contains("list.nope") == true)
    }

    @Test func unparsableKeyNamesItsLine() {
        let e = error("# header\nrequest.save = ctrl-s, hyper-q")
        #expect(e?.line == 2)
        #expect(e?.message.contains("hyper-q") == true)
    }

    @Test func keyClaimedTwiceInTheFileNamesBothLinesAndActions() {
        let e = error("list.next = n\nlist.previous = p, n")
        #expect(e?.line == 2)
        #expect(e?.message.contains("list.next") == true)
        #expect(e?.message.contains("line 1") == true)
    }

    @Test func keyStillBoundToAnUnchangedActionIsReported() {
        let e = error("\nrequest.save = ?")
        #expect(e?.line == 2)
        #expect(e?.message.contains("help") == true)
        #expect(e?.description.hasPrefix("line 2: ") == true)
    }

    @Test func missingEqualsSignIsReported() {
        #expect(error("list.next j")?.line == 1)
    }
}
