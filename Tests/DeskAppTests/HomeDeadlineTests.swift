import DeskApp
import DeskCore
import DeskTestSupport
import Foundation
import Testing
import TermUI

@Suite struct HomeDeadlineTests {
    static let overview = DeskOverview(
        statusCounts: [
            .init(direction: .outgoing, status: .transmitted, count: 40),
            .init(direction: .outgoing, status: .draft, count: 3),
            .init(direction: .incoming, status: .inExecution, count: 2),
            .init(direction: .incoming, status: .received, count: 12),
        ],
        overdue: 2, dueWithinWeek: 5, emergenciesOpen: 0, preservationsExpiring: 4)

    @Test func statusCountsFollowTheWorkflowNotTheDatabase() {
        let context = DeskDriver().state.context
        let texts = HomeScreen.lines(Self.overview, context: context).map(\.text)
        let incoming = texts.firstIndex(of: "  Received").flatMap { received in
            texts.firstIndex(of: "  In execution").map { received < $0 }
        }
        let outgoing = texts.firstIndex(of: "  Draft").flatMap { draft in
            texts.firstIndex(of: "  Transmitted").map { draft < $0 }
        }
        #expect(incoming == true)
        #expect(outgoing == true)
    }

    @Test func preservationsExpiringLeadToTheFilteredList() {
        var desk = DeskDriver()
        desk.send(.overviewLoaded(Self.overview))
        desk.press(.key(.down), .key(.down))
        desk.press(.key(.enter))
        #expect(desk.state.page == .list)
        #expect(desk.state.list.filter.text == "expiring:14d")
        #expect(!desk.state.list.query.openOnly, "an executed preservation's data runs out too, as the home figure counts")
        #expect(desk.state.list.query.preservationBefore == DeskFixtures.now.addingTimeInterval(14 * 86_400))
        #expect(desk.state.list.query.dueBefore == nil && desk.state.list.query.type == nil)
    }

    @Test func dueWithinAWeekLeadsToWhatFallsDueAndIsNotOverdue() {
        var desk = DeskDriver()
        desk.send(.overviewLoaded(Self.overview))
        desk.press(.key(.down))
        desk.press(.key(.enter))
        #expect(desk.state.list.filter.text == "due:7d")
        #expect(desk.state.list.query.dueFrom == DeskFixtures.now)
        #expect(desk.state.list.query.dueBefore == DeskFixtures.now.addingTimeInterval(7 * 86_400))
    }

    @Test func homeAt80x24WithThePreservationsWidget() {
        var desk = DeskDriver()
        desk.send(.overviewLoaded(Self.overview))
        let screen = desk.render()
        assertScreen(screen, equals: [
            " MLA Desk · Desk                                        anna · 2026-03-14 09:30",
            "",
            "  Needs attention",
            " ▸ Overdue                                                               2",
            "   Due within 7 days                                                     5",
            "   Preservations lapsed or lapsing in 14 days                            4",
            "   Emergencies open                                                      0",
            "  Incoming",
            "   All incoming                                                         14",
            "     Received                                                           12",
            "     In execution                                                        2",
            "  Outgoing",
            "   All outgoing                                                         43",
            "     Draft                                                               3",
            "     Transmitted                                                        40",
            "  Reports",
            "   Counts, turnaround, refusals and charts                               r",
            "", "", "", "", "", "",
            "Enter Open  l All requests  r Reports  i Import  n New  ? Help  q Quit",
        ])
        assertRole(screen, of: "Preservations lapsed or lapsing in 14 days", is: .warning)
    }

    @Test func homeAt120x40() {
        var desk = DeskDriver(width: 120, height: 40)
        desk.send(.overviewLoaded(Self.overview))
        assertScreen(desk.render(), equals: [
            " MLA Desk · Desk                                                                                anna · 2026-03-14 09:30",
            "",
            "  Needs attention",
            " ▸ Overdue                                                               2",
            "   Due within 7 days                                                     5",
            "   Preservations lapsed or lapsing in 14 days                            4",
            "   Emergencies open                                                      0",
            "  Incoming",
            "   All incoming                                                         14",
            "     Received                                                           12",
            "     In execution                                                        2",
            "  Outgoing",
            "   All outgoing                                                         43",
            "     Draft                                                               3",
            "     Transmitted                                                        40",
            "  Reports",
            "   Counts, turnaround, refusals and charts                               r",
            "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
            "Enter Open  l All requests  r Reports  i Import  n New  ? Help  q Quit",
        ])
    }

    /// The EIO's recognition decision may take 30 more days, once: x names it and its new date,
    /// a second x records it, any other key forgets the question.
    @Test func xRecordsAGrantedExtensionAtTheSecondPress() {
        var desk = RequestFormTests.detailOfFixture()
        var request = DeskFixtures.request(direction: .incoming, status: .received)
        request.types = ["subscriber_info"]
        request.legalBasis = LegalBasis(instrument: "eio", articles: "11")
        request.dates.sentOrReceived = DeskFixtures.day("2026-03-01")
        desk.send(.detailsLoaded(RequestDetails(request: request), audit: [], purpose: .view))
        #expect(desk.press(.char("x")).isEmpty)
        #expect(desk.state.message?.text == "Was EIO: our recognition decision due extended to 2026-04-30 00:00? "
            + "Press x again to record it; any other key to leave it.")
        desk.press(.key(.down))
        #expect(desk.press(.char("x")).isEmpty, "another key in between asks again")
        #expect(desk.press(.char("x")) == [.grantExtension(request.id, ruleID: "eio_recognition_in")])
        desk.send(.extensionGranted(request))
        #expect(desk.state.message?.text.hasPrefix("Recorded the extension on IN-2026-0007") == true)

        var preservation = RequestFormTests.detailOfFixture()
        #expect(preservation.press(.char("x")).isEmpty)
        #expect(preservation.state.message?.text == "No deadline of OUT-2026-0007 can be extended now.")
    }

    /// Executed, the preserved data is held until the expiry: the follow-up must go out before.
    @Test func anExecutedPreservationStillShowsItsExpiry() {
        var desk = RequestFormTests.detailOfFixture()
        var request = DeskFixtures.request(status: .executed, due: DeskFixtures.day("2026-03-20"))
        request.dates.sentOrReceived = DeskFixtures.day("2026-01-20")
        desk.send(.detailsLoaded(RequestDetails(request: request), audit: [], purpose: .view))
        desk.press(.key(.pageDown))
        let screen = desk.render()
        #expect(screen.contains("Next due             2026-03-21 00:00  Preservation expires  ! due soon"), "\(screen)")
        #expect(screen.contains("Your due date        2026-03-20  (no longer counted: the request is executed)"))
    }

    @Test func theSummaryShowsComputedAndManualDeadlinesWithWhatToDo() {
        var desk = RequestFormTests.detailOfFixture()
        var request = DeskFixtures.request(status: .transmitted, due: DeskFixtures.day("2026-03-20"))
        request.dates.sentOrReceived = DeskFixtures.day("2026-01-20")
        let history = [StatusChange(from: .approved, to: .transmitted, at: DeskFixtures.day("2026-01-20"), officer: "anna")]
        desk.send(.detailsLoaded(RequestDetails(request: request, history: history), audit: [], purpose: .view))
        desk.press(.key(.pageDown))
        let screen = desk.render()
        assertScreen(screen, equals: [
            " MLA Desk · Request                                     anna · 2026-03-14 09:30",
            " OUT-2026-0007  Transmitted  JP                                     15–33 of 33",
            "  1 Summary  2 Parties and identifiers  3 Checklist  4 Evidence  5 History",
            " Created              2026-03-01",
            " Sent                 2026-01-20",
            " Acknowledged         —",
            " Completed            —",
            " Last change          2026-03-10 00:00 by anna (version 1)",
            "",
            " Deadlines",
            " Next due             2026-03-20  Due date set by the officer",
            " Your due date        2026-03-20  (replaces the follow-ups)",
            " Legal deadline       2026-03-21 00:00  Preservation expires  ! due soon",
            "                      Preserved data must be kept at least 60 days (Budapest",
            "                      Art. 29(7)); send or expect the follow-up request for",
            "                      mutual assistance before then.",
            "",
            " Summary of facts",
            "   Ransomware ^[[2J attack on a hospital; café é ⟨RLO⟩evil",
            "",
            " Assistance sought",
            "   Preserve the server logs.",
            "",
            "Tab Section  e Edit  s Status  d Draft  Esc Back  ? Help  q Quit",
        ])
        assertRole(screen, of: "2026-03-21 00:00  Preservation", is: .warning)
    }
}
