import Testing
import TermUI

@Suite struct TableTests {
    private let columns = [
        TableColumn("Ref", .fixed(12)),
        TableColumn("Country", .fixed(8)),
        TableColumn("Subject", .flex(min: 20)),
        TableColumn("Status", .fixed(10)),
        TableColumn("Due", .fixed(10), alignRight: true),
        TableColumn("Notes", .flex(min: 10)),
    ]

    @Test func widthsAt80Columns() {
        let widths = TableView.columnWidths(columns, totalWidth: 80)
        #expect(widths == [12, 8, 23, 10, 10, 12])
        #expect(widths.reduce(0, +) + 5 == 80)
    }

    @Test func widthsAt120Columns() {
        let widths = TableView.columnWidths(columns, totalWidth: 120)
        #expect(widths == [12, 8, 43, 10, 10, 32])
    }

    @Test func columnsThatDoNotFitAreDroppedFromTheRight() {
        #expect(TableView.columnWidths(columns, totalWidth: 50) == [12, 8, 28, 0, 0, 0])
        #expect(TableView.columnWidths(columns, totalWidth: 30) == [12, 8, 0, 0, 0, 0])
        #expect(TableView.columnWidths(columns, totalWidth: 5) == [5, 0, 0, 0, 0, 0])
        #expect(TableView.columnWidths(columns, totalWidth: 0) == [0, 0, 0, 0, 0, 0])
    }

    @Test func rendersHeaderRowsMarkerAndSelection() {
        let cols = [TableColumn("Ref", .fixed(6)), TableColumn("Name", .flex(min: 4)), TableColumn("Days", .fixed(4), alignRight: true)]
        let rows = [
            TableRow(cells: ["R-1", "東京地検", "3"], marker: "!"),
            TableRow(cells: ["R-2", "Müller\u{1B}[2J", "12"], role: .dim),
            TableRow(cells: ["R-3", "Dupont", "120"]),
        ]
        var screen = Screen(width: 24, height: 4)
        TableView.render(columns: cols, rows: rows, selected: 1, sortColumn: 2, descending: true, into: &screen, rect: screen.area)
        let expected = [
            "   Ref    Name      D… ▼",
            "!  R-1    東京地検     3",
            "   R-2    Müller^[…   12",
            "   R-3    Dupont     120",
        ]
        #expect(screen.textDifferences(from: expected) == nil, "\(screen.textDifferences(from: expected) ?? "")")
        #expect(screen.role(atX: 5, y: 0) == .header)
        #expect(screen.role(atX: 0, y: 1) == .marker)
        #expect(screen.role(atX: 5, y: 2) == .selected)
        #expect(screen.role(atX: 5, y: 3) == .normal)
    }

    @Test func scrollsToKeepTheSelectionVisible() {
        let cols = [TableColumn("N", .flex(min: 3))]
        let rows = (1...10).map { TableRow(cells: ["\($0)"]) }
        var screen = Screen(width: 10, height: 4)
        TableView.render(columns: cols, rows: rows, selected: 7, sortColumn: nil, descending: false, into: &screen, rect: screen.area)
        #expect(screen.lines() == ["   N", "   6", "   7", "   8"])
        #expect(screen.role(atX: 3, y: 3) == .selected)
    }

    @Test func tinyAreaDrawsWhatFits() {
        var screen = Screen(width: 3, height: 1)
        TableView.render(columns: columns, rows: [], selected: nil, sortColumn: nil, descending: false, into: &screen, rect: screen.area)
        #expect(screen.lines() == [""])
        var empty = Screen(width: 0, height: 0)
        TableView.render(columns: columns, rows: [TableRow(cells: ["x"])], selected: 0, sortColumn: 0, descending: false, into: &empty, rect: empty.area)
        #expect(empty.lines().isEmpty)
    }

    @Test func scrollIndicatorGroupsThousands() {
        #expect(ScrollIndicator.text(offset: 0, visible: 22, total: 100_000) == "1–22 of 100,000")
        #expect(ScrollIndicator.text(offset: 99_990, visible: 22, total: 100_000) == "99,991–100,000 of 100,000")
        #expect(ScrollIndicator.text(offset: 0, visible: 22, total: 0) == "0 of 0")
    }

    @Test func scrollingKeepsTheOffsetWhileTheSelectionIsVisible() {
        #expect(Scrolling.offset(keeping: 5, visible: 10, total: 100, previous: 3) == 3)
        #expect(Scrolling.offset(keeping: 20, visible: 10, total: 100, previous: 3) == 11)
        #expect(Scrolling.offset(keeping: 1, visible: 10, total: 100, previous: 3) == 1)
    }
}
