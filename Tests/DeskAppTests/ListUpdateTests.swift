import DeskApp
import DeskCore
import DeskTestSupport
import Foundation
import Testing
import TermUI

@Suite struct ListUpdateTests {
    /// A summary for row `index` of a large result.
    static func row(_ index: Int) -> RequestSummary {
        RequestSummary(id: UUID(), reference: RequestReference(direction: .incoming, year: 2026, sequence: index + 1),
                       country: "DE", types: ["preservation"], status: .received, urgency: .routine, due: nil,
                       officer: "anna", updatedAt: DeskFixtures.now)
    }

    /// A desk showing the list of all requests, with `total` counted and the first pages loaded.
    static func listOf(_ total: Int) -> DeskDriver {
        var desk = DeskDriver()
        desk.send(.overviewLoaded(DeskOverview()))
        let effects = desk.press(.char("l"))
        #expect(desk.state.page == .list)
        let query = desk.state.list.query
        #expect(effects.first == .count(query))
        desk.send(.countLoaded(query, total))
        for effect in effects {
            if case .loadPage(let q, let offset, let limit) = effect {
                let rows = (min(offset, total)..<min(total, offset + limit)).map(row)
                desk.send(.pageLoaded(q, offset: offset, limit: limit, rows: rows))
            }
        }
        return desk
    }

    @Test func theFilterLineFindsAnOfficerTheHomePageListed() {
        var desk = DeskDriver()
        desk.send(.overviewLoaded(DeskOverview(officers: ["Ana Müller", "Jan Novák"])))
        desk.press(.char("l"), .char("/"))
        desk.type("officer:novak")
        #expect(desk.state.list.query.officer == "Jan Novák")
        #expect(desk.state.list.filterProblems.isEmpty)
    }

    @Test func openingTheListCountsAndAsksForTheFirstPages() {
        var desk = DeskDriver()
        desk.send(.overviewLoaded(DeskOverview()))
        let effects = desk.press(.char("l"))
        let query = desk.state.list.query
        #expect(effects == [.count(query), .loadPage(query, offset: 0, limit: 2 * RowWindow.pageSize)],
                "the first page and its neighbour come in one query")
    }

    @Test func movingNearTheWindowEdgeAsksForTheNextPageAndForgetsFarOnes() {
        var desk = Self.listOf(100_000)
        #expect(desk.state.list.window.loadedRowCount == 100)
        // Into page 1: page 2 is now a neighbour and is asked for.
        let effects = desk.press(.key(.end))
        #expect(desk.state.list.cursor == 99_999)
        let query = desk.state.list.query
        #expect(effects == [.loadPage(query, offset: 99_950 - RowWindow.pageSize, limit: 2 * RowWindow.pageSize)])
        #expect(desk.state.list.window.loadedRowCount == 0)
        desk.send(.pageLoaded(query, offset: 99_900, limit: 2 * RowWindow.pageSize, rows: (99_900..<100_000).map(Self.row)))
        #expect(desk.state.list.selected?.reference.sequence == 100_000)
        var steps: [Effect] = []
        for _ in 0..<40 { steps += desk.press(.char("k")) }
        #expect(steps.isEmpty, "the page before is already asked for")
    }

    @Test func aShortRunAtTheEndOfTheListLeavesNoPageWaiting() {
        var window = RowWindow()
        #expect(window.pagesToRequest(around: 0, total: 70 + RowWindow.pageSize) == [0..<2])
        window.receive(offset: 0, limit: 2 * RowWindow.pageSize, rows: (0..<70).map(Self.row))
        #expect(window.pending.isEmpty)
        #expect(window.row(at: 69)?.reference.sequence == 70)
        #expect(window.row(at: 70) == nil)
        #expect(window.pagesToRequest(around: 0, total: 70 + RowWindow.pageSize).isEmpty)
    }

    @Test func stepwiseMovesAskForAPageOnlyOnceWhenTheCursorCrossesIntoIt() {
        var desk = Self.listOf(1_000)
        var asked: [Int] = []
        for _ in 0..<60 {
            for case .loadPage(_, let offset, _) in desk.press(.key(.down)) { asked.append(offset) }
        }
        #expect(desk.state.list.cursor == 60)
        #expect(asked == [100])
        #expect(desk.state.list.top == 60 - desk.state.layout.listRows + 1)
    }

    @Test func staleAnswersForAnOldQueryAreIgnored() {
        var desk = Self.listOf(10)
        let old = desk.state.list.query
        desk.press(.key(.tab))
        #expect(desk.state.list.tab == .incoming)
        #expect(desk.state.list.query.direction == .incoming)
        desk.send(.countLoaded(old, 5_000))
        #expect(desk.state.list.total == nil)
    }

    @Test func tabsCycleAndResetTheCursor() {
        var desk = Self.listOf(300)
        desk.press(.key(.pageDown))
        #expect(desk.state.list.cursor > 0)
        desk.press(.key(.tab), .key(.tab))
        #expect(desk.state.list.tab == .outgoing)
        #expect(desk.state.list.cursor == 0)
        desk.press(.key(.tab))
        #expect(desk.state.list.tab == .all)
        #expect(desk.state.list.query.direction == nil)
        desk.press(.key(.backTab))
        #expect(desk.state.list.tab == .outgoing)
    }

    @Test func sortCyclesThroughColumnsAndReverses() {
        var desk = Self.listOf(10)
        #expect(desk.state.list.query.sort == .updated)
        desk.press(.char(">"))
        #expect(desk.state.list.query.sort == .reference)
        desk.press(.char("<"), .char("<"))
        #expect(desk.state.list.query.sort == .officer)
        let effects = desk.press(.char("r"))
        #expect(desk.state.list.query.descending == false)
        #expect(effects.first == .count(desk.state.list.query))
    }

    @Test func theFilterLineFiltersLiveAndEscClearsIt() {
        var desk = Self.listOf(10)
        desk.press(.char("/"))
        #expect(desk.state.scope == .filter)
        let effects = desk.type("status:draft country:de ransomware")
        #expect(!effects.isEmpty)
        let query = desk.state.list.query
        #expect(query.statuses == [.draft])
        #expect(query.country == "DE")
        #expect(query.text == "ransomware")
        #expect(desk.state.page == .list, "letters typed in the filter are not commands")
        desk.press(.key(.enter))
        #expect(desk.state.scope == .list)
        #expect(desk.state.list.filter.text == "status:draft country:de ransomware")
        desk.press(.char("/"), .key(.escape))
        #expect(desk.state.list.filter.text.isEmpty)
        #expect(desk.state.list.query.statuses.isEmpty)
    }

    @Test func aBadFilterTokenIsExplainedOnTheMessageLine() {
        var desk = Self.listOf(10)
        desk.press(.char("/"))
        desk.type("status:nope")
        #expect(desk.state.message?.isError == true)
        #expect(desk.state.message?.text.contains("'nope' is not a status") == true)
    }

    @Test func homeLinesOpenTheFilteredList() {
        var desk = DeskDriver()
        desk.send(.overviewLoaded(DeskOverview(
            statusCounts: [.init(direction: .outgoing, status: .draft, count: 3)], overdue: 2, dueWithinWeek: 1)))
        desk.press(.key(.enter))
        #expect(desk.state.page == .list)
        #expect(desk.state.list.filter.text == "overdue")
        #expect(desk.state.list.query.overdueAt == DeskFixtures.now)
        desk.press(.key(.escape))
        #expect(desk.state.page == .home)
        desk.press(.key(.down), .key(.down), .key(.down), .key(.down), .key(.down), .key(.down))
        desk.press(.key(.enter))
        #expect(desk.state.list.tab == .outgoing)
        #expect(desk.state.list.query.statuses == [.draft])
    }

    @Test func enterOpensTheRequestUnderTheCursor() {
        var desk = Self.listOf(10)
        desk.press(.key(.down))
        let selected = desk.state.list.selected!
        let effects = desk.press(.key(.enter))
        #expect(desk.state.page == .detail)
        #expect(effects == [.loadDetails(selected.id, purpose: .view)])
    }
}
