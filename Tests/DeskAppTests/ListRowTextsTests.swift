import DeskApp
import DeskCore
import DeskTestSupport
import Foundation
import Testing
import TermUI

/// The list keeps its rows' texts between frames (`ListRowTexts`); these tests make sure a kept
/// text is used, and never once the row, the data or the layout changed.
@Suite struct ListRowTextsTests {
    @Test func theRowsOnScreenHaveTheirTextsKeptOnceTheirPageArrives() throws {
        let desk = ListUpdateTests.listOf(1_000)
        let rows = desk.state.layout.listRows
        #expect(desk.state.list.rowTexts.count == rows)
        let first = try #require(desk.state.list.window.row(at: 0))
        #expect(desk.state.list.rowTexts.cells(for: first, wide: false)
            == ["IN-2026-0001", "DE", "Preservation of stored data", "Received", "", "anna", "2026-03-14"])
        let offScreen = try #require(desk.state.list.window.row(at: rows))
        #expect(desk.state.list.rowTexts.cells(for: offScreen, wide: false) == nil, "rows below the screen wait")
    }

    @Test func theViewPaintsTheKeptTexts() throws {
        var desk = ScreenTests.listDesk(width: 80, height: 24)
        let first = try #require(desk.state.list.window.row(at: 0))
        var texts = ListRowTexts()
        texts.keep([first], wide: false) { _ in ["KEPT-TEXT", "", "", "", "", "", ""] }
        desk.state.list.rowTexts = texts
        #expect(desk.render().rowText(4).contains("KEPT-TEXT"))
    }

    @Test func keptTextsChangeNothingOnScreen() {
        var desk = ScreenTests.listDesk(width: 120, height: 40)
        let painted = desk.render()
        #expect(desk.state.list.rowTexts.count == 3)
        desk.state.list.rowTexts = ListRowTexts()
        assertScreen(desk.render(), equals: painted.lines())
    }

    @Test func anEditedRowIsPaintedFromItsNewSummary() throws {
        var desk = ScreenTests.listDesk(width: 80, height: 24)
        #expect(desk.render().rowText(5).contains("東京太郎"))
        var rows = (0..<3).compactMap(desk.state.list.window.row(at:))
        let before = rows[1]
        rows[1].officer = "Berger"
        rows[1].status = .inExecution
        let query = desk.state.list.query
        desk.send(.pageLoaded(query, offset: 0, limit: 2 * RowWindow.pageSize, rows: rows))
        let line = desk.render().rowText(5)
        #expect(line.contains("Berger") && line.contains("In execution"), "\(line)")
        #expect(!line.contains("東京太郎"))
        #expect(desk.state.list.rowTexts.cells(for: before, wide: false) == nil, "the old summary's texts are gone")
    }

    @Test func aWidthChangeWritesTheDatesForTheNewLayout() {
        var desk = ScreenTests.listDesk(width: 120, height: 40)
        #expect(desk.render().rowText(5).hasSuffix("2026-03-10 00:00"))
        desk.send(.resize(width: 80, height: 24))
        #expect(desk.render().rowText(5).hasSuffix("2026-03-10"))
        desk.send(.resize(width: 120, height: 40))
        #expect(desk.render().rowText(5).hasSuffix("2026-03-10 00:00"))
    }

    @Test func aNewQueryPaintsItsOwnRows() throws {
        var desk = ListUpdateTests.listOf(1_000)
        desk.press(.char("/"))
        desk.type("x")
        let query = desk.state.list.query
        desk.send(.countLoaded(query, 1))
        var other = ListUpdateTests.row(0)
        other.officer = "Okafor"
        desk.send(.pageLoaded(query, offset: 0, limit: 2 * RowWindow.pageSize, rows: [other]))
        #expect(desk.render().rowText(4).contains("Okafor"))
        #expect(desk.state.list.rowTexts.cells(for: other, wide: false)?[5] == "Okafor")
    }

    @Test func keptTextsStayBoundedWhilePagingThroughALongList() {
        var desk = ListUpdateTests.listOf(100_000)
        let rows = desk.state.layout.listRows
        for _ in 0..<40 {
            for case .loadPage(let query, let offset, let limit) in desk.press(.key(.pageDown)) {
                desk.send(.pageLoaded(query, offset: offset, limit: limit,
                                      rows: (offset..<(offset + limit)).map(ListUpdateTests.row)))
            }
            #expect(desk.state.list.rowTexts.count <= ListRowTexts.capacity)
        }
        #expect(desk.state.list.cursor == 40 * rows)
        #expect(desk.state.list.rowTexts.count >= rows, "the rows on screen are kept")
    }
}
