import DeskApp
import DeskCore
import DeskTestSupport
import Foundation
import Testing
import TermUI

@Suite struct ScreenTests {
    static let overview = DeskOverview(
        statusCounts: [
            .init(direction: .incoming, status: .received, count: 12),
            .init(direction: .outgoing, status: .draft, count: 3),
            .init(direction: .outgoing, status: .transmitted, count: 1_204),
        ],
        overdue: 2, dueWithinWeek: 5, emergenciesOpen: 1,
        recentlyChanged: [DeskFixtures.summary(DeskFixtures.request())])

    /// A list of three rows: an overdue one with hostile text in the officer name, a CJK one,
    /// and an emergency with a combining mark.
    static func listDesk(width: Int, height: Int) -> DeskDriver {
        var desk = DeskDriver(width: width, height: height)
        desk.send(.overviewLoaded(overview))
        desk.press(.char("l"))
        var overdue = DeskFixtures.summary(DeskFixtures.request(sequence: 1, due: DeskFixtures.day("2026-03-01")))
        overdue.officer = "evil\u{1B}[2J\u{202E}"
        overdue.urgency = .emergency
        var cjk = DeskFixtures.summary(DeskFixtures.request(sequence: 2, direction: .incoming))
        cjk.officer = "東京太郎"
        var combining = DeskFixtures.summary(DeskFixtures.request(sequence: 3))
        combining.officer = "Rene\u{301}e"
        combining.urgency = .emergency
        let query = desk.state.list.query
        desk.send(.countLoaded(query, 3))
        desk.send(.pageLoaded(query, offset: 0, limit: 2 * RowWindow.pageSize, rows: [overdue, cjk, combining]))
        return desk
    }

    @Test func homeAt80x24() {
        var desk = DeskDriver()
        desk.send(.overviewLoaded(Self.overview))
        let screen = desk.render()
        assertScreen(screen, equals: [
            " MLA Desk · Desk                                        anna · 2026-03-14 09:30",
            "",
            "  Needs attention",
            " ▸ Overdue                                                               2",
            "   Due within 7 days                                                     5",
            "   Preservations lapsed or lapsing in 14 days                            0",
            "   Emergencies open                                                      1",
            "  Incoming",
            "   All incoming                                                         12",
            "     Received                                                           12",
            "  Outgoing",
            "   All outgoing                                                      1,207",
            "     Draft                                                               3",
            "     Transmitted                                                     1,204",
            "  Reports",
            "   Counts, turnaround, refusals and charts                               r",
            "  Recently changed",
            "   OUT-2026-0007  JP  Draft                               2026-03-10 00:00",
            "", "", "", "", "",
            "Enter Open  l All requests  r Reports  i Import  n New  ? Help  q Quit",
        ])
        assertRole(screen, of: "Overdue", is: .selected)
        assertRole(screen, of: "Emergencies open", is: .warning)
        assertRole(screen, of: "Needs attention", is: .header)
        assertRole(screen, of: " MLA Desk", is: .title)
    }

    /// A refusal's end is usually what to do: a message longer than its line rises over the
    /// page's last rows, up to three, and only beyond them ends with an ellipsis.
    @Test func aMessageLongerThanTheLineIsReadWhole() {
        var desk = DeskDriver()
        desk.send(.overviewLoaded(Self.overview))
        let row = desk.state.layout.messageRow
        desk.state.message = .error("cannot move to transmitted: " + String(repeating: "Necessity of the measure; ", count: 2)
            + "settle them first.")
        var lines = desk.render().lines()
        #expect(lines[row - 1].hasPrefix(" cannot move to transmitted"), "\(lines)")
        #expect(lines[row].hasSuffix("settle them first."), "\(lines[row])")
        #expect(!lines[row - 2].contains("Necessity"))
        assertRole(desk.render(), of: "settle them first.", is: .error)

        desk.state.message = .error("cannot move to transmitted: " + String(repeating: "Necessity of the measure; ", count: 12))
        lines = desk.render().lines()
        #expect(lines[row - 2].hasPrefix(" cannot move to transmitted"))
        #expect(lines[row].hasSuffix("…"), "\(lines[row])")
    }

    @Test func recentlyChangedLinesKeepTheirColumnsWhateverTheReferencesLength() {
        var desk = DeskDriver()
        var overview = Self.overview
        overview.recentlyChanged = [DeskFixtures.summary(DeskFixtures.request(sequence: 287)),
                                    DeskFixtures.summary(DeskFixtures.request(sequence: 70, direction: .incoming))]
        desk.send(.overviewLoaded(overview))
        let lines = desk.render().lines().filter { $0.contains("-2026-0") }
        #expect(lines.count == 2)
        #expect(Set(lines.map { $0.firstRange(of: "JP")?.lowerBound.utf16Offset(in: $0) }).count == 1, "\(lines)")
    }

    @Test func listAt80x24ShowsHostileTextVisiblyAndMarksOverdue() {
        let screen = Self.listDesk(width: 80, height: 24).render()
        assertScreen(screen, equals: [
            " MLA Desk · Requests                                    anna · 2026-03-14 09:30",
            "  Incoming   Outgoing  [All]                             1–3 of 3  by Updated ↓",
            " Filter: press / to filter",
            "   Reference     Country Type       Status       Due        Officer   Updated ▼",
            "!* OUT-2026-0001 JP      Preservat… Draft        2026-03-01 evil^[[2… 2026-03-10",
            "   IN-2026-0002  JP      Preservat… Received                東京太郎  2026-03-10",
            "*  OUT-2026-0003 JP      Preservat… Draft                   Renée     2026-03-10",
            "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
            "Enter Open  / Filter  Tab Direction  > Sort  n New  e Edit  s Status  ? Help",
        ])
        // The cursor row is selected; the others keep their meaning by role and marker.
        assertRole(screen, of: "OUT-2026-0001", is: .selected)
        assertRole(screen, of: "OUT-2026-0003", is: .normal)
        assertRole(screen, of: "[All]", is: .selected)
        #expect(!screen.lines().joined().contains("\u{1B}"))
        #expect(!screen.lines().joined().contains("\u{202E}"))
    }

    @Test func overdueRowsKeepTheirRoleWhenNotSelected() {
        var desk = Self.listDesk(width: 80, height: 24)
        desk.press(.key(.down))
        let screen = desk.render()
        assertRole(screen, of: "OUT-2026-0001", is: .overdue)
        assertRole(screen, of: "IN-2026-0002", is: .selected)
        assertRole(screen, of: "!", is: .marker)
    }

    @Test func listAt120x40UsesTheRoomForTimesAndWiderColumns() {
        let screen = Self.listDesk(width: 120, height: 40).render()
        #expect(screen.rowText(3) ==
            "   Reference     Country Type                   Status                  Due        Officer              Updated ▼")
        #expect(screen.rowText(5) ==
            "   IN-2026-0002  JP      Preservation of store… Received                           東京太郎             2026-03-10 00:00")
        #expect(screen.rowText(39).hasPrefix("Enter Open  / Filter  Tab Direction"))
    }

    @Test func aNoticeTooLongForTheScreenKeepsTheKeyThatClosesIt() throws {
        var desk = DeskDriver(width: 80, height: 24)
        desk.state.dialog = .notice(NoticeState(title: "Package not imported",
                                                text: Array(repeating: "The package names a request twice.", count: 60)
                                                    .joined(separator: " ")))
        let lines = desk.render().lines()
        let bottom = try #require(lines.lastIndex { $0.contains("╰") || $0.contains("└") })
        #expect(lines[bottom - 1].contains("close"), "\(lines.joined(separator: "\n"))")
        #expect(lines[bottom - 2].contains("The package names"))
    }

    @Test func aConflictNamingAnEndlessOfficerStillShowsBothAnswers() throws {
        var desk = DeskDriver(width: 80, height: 24)
        desk.state.dialog = .conflict(ConflictInfo(requestID: UUID(), reference: "OUT-2026-0001",
                                                   changedBy: String(repeating: "Papadopoulou-", count: 150),
                                                   changedAt: DeskFixtures.day("2026-03-01")))
        let lines = desk.render().lines()
        let bottom = try #require(lines.lastIndex { $0.contains("╰") || $0.contains("└") })
        #expect(lines[bottom - 2].contains("reload the stored request"), "\(lines.joined(separator: "\n"))")
        #expect(lines[bottom - 1].contains("keep editing"))
        #expect(lines[bottom - 3].contains("Papadopoulou"), "the name gives way, not the answers")
    }

    @Test func tinyTerminalsSayTheyAreTooSmallAndNeverCrash() {
        var desk = Self.listDesk(width: 20, height: 6)
        desk.send(.resize(width: 20, height: 6))
        assertScreen(desk.render(), equals: ["", "", " Terminal too small", "  20×6, need 40×10", "", ""])
        for (width, height) in [(0, 0), (1, 1), (2, 1), (39, 9), (40, 10), (41, 11)] {
            desk.send(.resize(width: width, height: height))
            _ = desk.render()
        }
        desk.send(.resize(width: 40, height: 10))
        desk.press(.key(.end), .key(.enter))
        _ = desk.render()
    }

    /// Keys typed while the desk cannot be seen change nothing; quitting still works.
    @Test func keysTypedBlindOnATinyTerminalChangeNothing() {
        var desk = RequestFormTests.detailOfFixture()
        desk.press(.char("e"))
        let form = desk.state.form
        desk.send(.resize(width: 30, height: 8))
        desk.press(.key(.tab))
        desk.type("ZZ")
        desk.press(.key(.escape))
        desk.send(.resize(width: 80, height: 24))
        #expect(desk.state.form == form && desk.state.dialog == nil && desk.state.page == .form)
        desk.send(.resize(width: 30, height: 8))
        #expect(desk.press(.ctrl("q")) == [.quit])
    }

    @Test func everyPageAndDialogDrawsAtManySizes() {
        var desk = RequestFormTests.detailOfFixture()
        let sizes = [(80, 24), (120, 40), (40, 10), (200, 60), (10, 3), (0, 0)]
        func drawAll() {
            for (width, height) in sizes {
                desk.send(.resize(width: width, height: height))
                _ = desk.render()
            }
            desk.send(.resize(width: 80, height: 24))
        }
        drawAll()
        desk.press(.char("5"))
        drawAll()
        desk.press(.char("s"))
        drawAll()
        desk.press(.key(.escape), .char("e"))
        drawAll()
        desk.type("x")
        desk.press(.key(.escape))
        drawAll()
        desk.press(.char("n"), .key(.f(1)))
        drawAll()
    }

    @Test func detailShowsCJKCombiningAndHostileTextVisibly() {
        let desk = RequestFormTests.detailOfFixture()
        var scrolled = desk
        scrolled.press(.key(.pageDown))
        let screen = scrolled.render()
        #expect(screen.contains("Ransomware ^[[2J attack on a hospital; café é ⟨RLO⟩evil"))
        let parties = { var d = desk; d.press(.char("2")); return d.render() }()
        #expect(parties.rowText(4) == " Country              Japan")
        #expect(parties.rowText(5) == " Authority            東京地方検察庁")
        assertRole(parties, of: "2 Parties and identifiers", is: .selected)
    }

    @Test func formAt80x24ShowsLabelsRequiredMarksAndTheFocusedChoice() {
        var desk = RequestFormTests.detailOfFixture()
        desk.press(.char("e"))
        let screen = desk.render()
        assertScreen(screen, equals: [
            " MLA Desk · Request form                                anna · 2026-03-14 09:30",
            " Edit OUT-2026-0007                                                  * required",
            "▸Country *               Filter:                                 109–114 of 249",
            "                         ( ) IS  Iceland",
            "                         ( ) IT  Italy",
            "                         ( ) JE  Jersey",
            "                         ( ) JM  Jamaica",
            "                         ( ) JO  Jordan",
            "                         (•) JP  Japan",
            " Counterpart authority   東京地方検察庁",
            " Our authority           Staatsanwaltschaft Köln",
            " Foreign reference",
            " Legal basis *           Convention on Cybercrime (ETS No. 185, Budapest, 2001)",
            " Articles                29",
            " Request types *         Preservation of stored data",
            " Channel                 —",
            " Urgency                 Urgent",
            " Offences                Ransomware",
            " Operation               OP-NIGHTJAR",
            " Assigned officer        anna",
            " Sent / received",
            " Acknowledged",
            "",
            "Ctrl-S Save  Tab Next field  Shift-Tab Previous field  Esc Cancel",
        ])
        #expect(screen.role(atX: 9, y: 2) == .required)
        assertRole(screen, of: "Country", is: .focused)
        assertRole(screen, of: "(•) JP  Japan", is: .selected)
    }

    @Test func helpIsGeneratedFromTheKeyTables() {
        var desk = DeskDriver(width: 250, height: 200)
        desk.press(.char("?"))
        let screen = desk.render()
        for scope in KeyScope.allCases {
            for binding in KeyBindings.standard.map(scope).bindings {
                #expect(screen.contains(binding.help), "help for \(binding.action.rawValue) is missing")
            }
        }
        #expect(screen.contains("Ctrl-S / F2"))
        #expect(screen.contains("Typing in a field") && screen.contains("In a date: today, a day later, a day earlier"),
                "the keys of the fields are listed too")
    }

    /// At 80 columns nothing of the help is cut: long text wraps under itself, and each key's
    /// action is named as a keys file names it.
    @Test func theHelpWrapsAtEightyColumnsAndNamesEachAction() {
        var desk = DeskDriver(width: 80, height: 24)
        desk.press(.char("?"))
        var seen: [String] = []
        var previous = -1
        while desk.state.help.scroll != previous {
            previous = desk.state.help.scroll
            seen += desk.render().lines().dropFirst(2).dropLast()
            desk.press(.key(.pageDown))
        }
        let text = seen.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        for scope in KeyScope.allCases {
            for binding in KeyBindings.standard.map(scope).bindings {
                let words = binding.help.split(separator: " ").joined(separator: " ")
                #expect(text.contains("\(words) (\(binding.action.rawValue))"), "\(binding.action.rawValue)")
            }
        }
    }

    /// The help is a few screens long at 80×24: it pages like every other long page, and Home
    /// and End reach its ends.
    @Test func theHelpPagesByScreenAndJumpsToItsEnds() throws {
        var desk = DeskDriver(width: 80, height: 24)
        desk.press(.char("?"))
        desk.press(.key(.pageDown))
        let page = desk.state.help.scroll
        #expect(page > 15, "a screen of lines, not one")
        desk.press(.char(" "))
        #expect(desk.state.help.scroll == 2 * page)
        desk.press(.key(.pageUp))
        #expect(desk.state.help.scroll == page)
        let lastScope = try #require(KeyScope.allCases.last { !KeyBindings.standard.map($0).bindings.isEmpty })
        let lastHelp = try #require(KeyBindings.standard.map(lastScope).bindings.first?.help)
        #expect(!desk.render().contains(lastHelp))
        desk.press(.key(.end))
        let bottom = desk.state.help.scroll
        #expect(desk.render().contains(lastHelp))
        desk.press(.key(.pageDown))
        #expect(desk.state.help.scroll == bottom, "nothing to scroll past the end")
        desk.press(.key(.home))
        #expect(desk.state.help.scroll == 0)
        #expect(desk.render().contains("Marks in the list"))
    }

    /// A global key a page takes for itself is offered under another of its keys, or not at all:
    /// on the help page `?` and F1 close the help, so "? Help" would promise the opposite.
    @Test func theBarOffersAGlobalKeyOnlyUnderAKeyThatDoesItThere() {
        let bar = { (scope: KeyScope) in KeyBindings.standard.barItems(for: scope).map { "\($0.key) \($0.label)" } }
        #expect(bar(.help) == ["Esc Back", "q Quit"])
        #expect(bar(.packageImport) == ["Enter Apply", "Esc Cancel", "? Help", "Ctrl-Q Quit"])
        #expect(bar(.home).suffix(2) == ["? Help", "q Quit"])
    }

    @Test func aUserKeysFileRemapsByNameAndTheBarFollows() throws {
        let keys = try KeyBindings.standard.remapped(with: "# mine\nlist.filter = f\nform.save = F3\n")
        #expect(keys.action(for: .char("f"), in: .list) == .listFilter)
        #expect(keys.action(for: .char("/"), in: .list) == nil)
        #expect(keys.action(for: .key(.f(3)), in: .form) == .formSave)
        #expect(keys.barItems(for: .list).contains { $0.key == "f" && $0.label == "Filter" })
        let taken = #expect(throws: KeyMapError.self) { try KeyBindings.standard.remapped(with: "list.filter = n") }
        #expect(taken?.message.contains("“request.new”") == true, "the action named as the keys file names it: \(String(describing: taken))")
        do {
            _ = try KeyBindings.standard.remapped(with: "\n\nno.such = x")
        } catch {
            #expect(error.line == 3)
        }
    }
}
