import DeskApp
import DeskCore
import DeskTestSupport
import Foundation
import Testing
import TermUI

@Suite struct ChecklistTabTests {
    /// The preservation checklist of the fixture request: the first item done, the second with a
    /// note, the fifth not applicable, and one item that no longer applies.
    static func checklist() -> [ChecklistItem] {
        var items = ChecklistBuilder.build(for: DeskFixtures.request(), templates: DeskFixtures.reference.checklistTemplates)
        items[0].state = .done
        items[0].changedBy = "anna"
        items[0].changedAt = DeskFixtures.day("2026-03-12")
        items[1].note = "Ransomware on 12 March, see the summary"
        items[4].state = .notApplicable
        items[4].reason = "logs are kept for 7 days only"
        items[4].changedBy = "ben"
        items[4].changedAt = DeskFixtures.day("2026-03-13")
        items.append(ChecklistItem(itemID: "data.provider", group: "Data", label: "Service provider holding the data",
                                   isRequired: true, isObsolete: true))
        return items
    }

    static func details(status: RequestStatus = .draft) -> RequestDetails {
        RequestDetails(request: DeskFixtures.request(status: status), checklist: checklist())
    }

    /// The fixture request open on its checklist tab.
    static func desk(width: Int = 80, height: Int = 24, details: RequestDetails = details()) -> DeskDriver {
        var desk = DeskDriver(width: width, height: height)
        RequestFormTests.openRecent(&desk, details.request)
        desk.send(.detailsLoaded(details, audit: [], purpose: .view))
        desk.press(.char("3"))
        return desk
    }

    /// The order for the fixture item `itemID`, carrying the item as the tab showed it.
    static func order(_ itemID: String, _ change: ChecklistChange) -> Effect {
        .changeChecklist(ChecklistOrder(requestID: DeskFixtures.request().id, seen: checklist().first { $0.itemID == itemID }!,
                                        changes: [change]))
    }

    static func prompt(_ desk: DeskDriver) -> PromptState? {
        if case .prompt(let prompt) = desk.state.dialog { return prompt }
        return nil
    }

    @Test func spaceTicksAnOpenItemAndReopensASettledOne() {
        var desk = Self.desk()
        #expect(desk.state.scope == .checklist)
        #expect(desk.press(.char(" ")) == [Self.order("art29.requesting_authority", .reopen)])
        desk.press(.key(.down))
        #expect(desk.press(.char(" ")) == [Self.order("art29.offence_facts", .done)])
        desk.press(.key(.down), .key(.down), .key(.down))
        #expect(desk.press(.char(" ")) == [Self.order("art29.necessity", .reopen)])
    }

    /// Enter on a note left as it was asks the store for nothing.
    @Test func aNoteLeftAsItWasChangesNothing() {
        var desk = Self.desk()
        desk.press(.key(.down), .key(.enter))
        #expect(desk.press(.key(.enter)).isEmpty)
        #expect(desk.state.dialog == nil)
    }

    /// A change refused because the item changed elsewhere shows why and loads the item as it is now.
    @Test func aRefusedChangeShowsTheItemAsItIsNow() {
        var desk = Self.desk()
        let effects = desk.send(.failed(.checklistRefused("“Authority seeking preservation” of OUT-2026-0007 was changed since it was shown"),
                                        during: .checklist))
        #expect(effects == [.loadDetails(DeskFixtures.request().id, purpose: .view)])
        #expect(desk.state.message?.isError == true)
        #expect(desk.state.message?.text.contains("was changed since it was shown") == true)
    }

    @Test func notApplicableAsksForAReasonAndRefusesNone() throws {
        var preservation = Self.desk()
        preservation.press(.key(.down))
        #expect(preservation.press(.char("a")).isEmpty)
        #expect(Self.prompt(preservation) == nil, "one of the six items Art. 29 requires is never waived")
        #expect(preservation.state.message?.text.hasPrefix(
            "'Offence and brief summary of the facts' is needed in every request of this kind") == true)

        var request = DeskFixtures.request()
        request.types = ["subscriber_info"]
        let checklist = ChecklistBuilder.build(for: request, templates: DeskFixtures.reference.checklistTemplates)
        let index = try #require(checklist.firstIndex { $0.itemID == "core.translation" })
        var desk = Self.desk(details: RequestDetails(request: request, checklist: checklist))
        for _ in 0..<index { desk.press(.key(.down)) }
        #expect(desk.press(.char("a")).isEmpty)
        #expect(Self.prompt(desk)?.purpose == .notApplicableReason(requestID: request.id, seen: checklist[index]))
        desk.type("   ")
        #expect(desk.press(.key(.enter)).isEmpty)
        #expect(Self.prompt(desk)?.error == "Give the reason why this item does not apply.")
        desk.press(.ctrl("u"))
        desk.type("written in Japanese")
        #expect(desk.press(.key(.enter)) == [.changeChecklist(ChecklistOrder(
            requestID: request.id, seen: checklist[index], changes: [.notApplicable(reason: "written in Japanese")]))])
        #expect(desk.state.dialog == nil)
    }

    @Test func enterEditsTheNoteStartingFromTheStoredOne() {
        var desk = Self.desk()
        desk.press(.key(.down))
        desk.press(.key(.enter))
        #expect(Self.prompt(desk)?.field.text == "Ransomware on 12 March, see the summary")
        desk.type(" (para. 3)")
        #expect(desk.press(.key(.enter)) == [Self.order("art29.offence_facts", .note("Ransomware on 12 March, see the summary (para. 3)"))])
        desk.press(.key(.enter))
        desk.press(.key(.escape))
        #expect(desk.state.dialog == nil)
        #expect(desk.state.page == .detail)
    }

    /// A note opened and left as it was is nothing to lose: Ctrl-Q quits; once changed, it asks.
    @Test func ctrlQAsksOnlyWhenTheNoteWasChanged() {
        var desk = Self.desk()
        desk.press(.key(.down), .key(.enter))
        #expect(desk.press(.ctrl("q")) == [.quit])
        desk = Self.desk()
        desk.press(.key(.down), .key(.enter))
        desk.type(" (para. 3)")
        #expect(desk.press(.ctrl("q")).isEmpty)
        #expect(!desk.state.isFinished)
        desk.press(.key(.escape))
        #expect(Self.prompt(desk)?.field.text == "Ransomware on 12 March, see the summary (para. 3)")
    }

    @Test func theFilterShowsOnlyOpenRequiredItems() {
        var desk = Self.desk()
        desk.press(.char("f"))
        #expect(desk.state.detail?.checklistOpenRequiredOnly == true)
        let screen = desk.render()
        #expect(!screen.contains("Authority seeking preservation"))
        #expect(!screen.contains("Necessity"))
        #expect(!screen.contains("Service provider holding the data"))
        #expect(desk.press(.char(" ")) == [Self.order("art29.offence_facts", .done)])
        desk.press(.key(.down), .key(.down), .key(.down), .key(.down))
        #expect(desk.press(.char(" ")) == [Self.order("art29.intent_mla", .done)])
    }

    @Test func aStoredChangeReloadsTheRequestAndARefusalGoesToTheMessageLine() {
        var desk = Self.desk()
        var item = Self.checklist()[1]
        item.state = .done
        #expect(desk.send(.checklistChanged(item, requestID: DeskFixtures.request().id))
            == [.loadDetails(DeskFixtures.request().id, purpose: .view)])
        #expect(desk.state.message == DeskMessage("“Offence and brief summary of the facts” is done, with a note."))
        desk.send(.failed(.checklistRefused("'Service provider holding the data' no longer applies"), during: .checklist))
        #expect(desk.state.message?.isError == true)
        #expect(desk.render().contains("no longer applies"))
    }

    @Test func checklistTabAt80x24() {
        let screen = Self.desk().render()
        assertScreen(screen, equals: [
            " MLA Desk · Request                                     anna · 2026-03-14 09:30",
            " OUT-2026-0007  Draft  JP",
            "  1 Summary  2 Parties and identifiers  3 Checklist  4 Evidence  5 History",
            " Required 2/6 · all items 2/6                             f: open required only",
            " Preservation",
            " ▸ [x] Authority seeking preservation *",
            "       anna 2026-03-12 00:00",
            "       Guidance: Art. 29(2)(a).",
            "   [ ] Offence and brief summary of the facts *",
            "       Note: Ransomware on 12 March, see the summary",
            "   [ ] Data to preserve and its relationship to the offence *",
            "   [ ] Custodian of the data or location of the system *",
            "   [-] Necessity of the preservation * — not applicable: logs are kept for 7",
            "       days only",
            "       ben 2026-03-13 00:00",
            "   [ ] Intent to follow with a request for mutual assistance *",
            "",
            " No longer applies",
            "   [ ] Service provider holding the data *",
            "", "", "", "",
            "Space Done/open  a Not applicable  Enter Note  f Open required  s Status  ? Help",
        ])
        assertRole(screen, of: "Required 2/6", is: .warning)
        assertRole(screen, of: "Offence and brief summary", is: .warning)
        assertRole(screen, of: "Service provider holding the data", is: .dim)
        assertRole(screen, of: "Authority seeking preservation", is: .selected)
    }

    @Test func aWrappedItemIsMarkedOnceAndHighlightedWhole() {
        var desk = Self.desk()
        desk.press(.key(.down), .key(.down), .key(.down), .key(.down))
        let screen = desk.render()
        let lines = screen.lines()
        let first = lines.firstIndex { $0.hasPrefix(" ▸ [-] Necessity of the preservation") }
        #expect(first != nil, "\(lines)")
        if let first {
            #expect(lines[first + 1] == "       days only", "the wrapped line carries no second cursor mark")
        }
        assertRole(screen, of: "days only", is: .selected)
    }

    @Test func checklistTabAt120x40() {
        var desk = Self.desk(width: 120, height: 40)
        desk.press(.key(.down))
        assertScreen(desk.render(), equals: [
            " MLA Desk · Request                                                                             anna · 2026-03-14 09:30",
            " OUT-2026-0007  Draft  JP",
            "  1 Summary  2 Parties and identifiers  3 Checklist  4 Evidence  5 History",
            " Required 2/6 · all items 2/6                                                                     f: open required only",
            " Preservation",
            "   [x] Authority seeking preservation *",
            "       anna 2026-03-12 00:00",
            " ▸ [ ] Offence and brief summary of the facts *",
            "       Note: Ransomware on 12 March, see the summary",
            "       Guidance: Art. 29(2)(b).",
            "   [ ] Data to preserve and its relationship to the offence *",
            "   [ ] Custodian of the data or location of the system *",
            "   [-] Necessity of the preservation * — not applicable: logs are kept for 7 days only",
            "       ben 2026-03-13 00:00",
            "   [ ] Intent to follow with a request for mutual assistance *",
            "",
            " No longer applies",
            "   [ ] Service provider holding the data *",
            "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
            "Space Done/open  a Not applicable  Enter Note  f Open required  s Status  Esc Back  ? Help  q Quit",
        ])
    }
}
