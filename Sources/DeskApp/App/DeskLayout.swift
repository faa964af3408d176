import TermUI

/// Where the parts of the frame go at the current size: title bar, page, message line, key
/// bar. Update and view both ask it, so scrolling and drawing agree on how many rows fit.
public struct DeskLayout: Equatable, Sendable {
    /// Below this the desk shows "Terminal too small" instead of a page.
    public static let minimumWidth = 40
    public static let minimumHeight = 10

    public let width: Int
    public let height: Int
    /// Rows under the title bar taken by the banner (0 or 1).
    public let bannerRows: Int

    public init(width: Int, height: Int, bannerRows: Int = 0) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.bannerRows = max(0, bannerRows)
    }

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    public var titleRow: Int { 0 }
    public var bannerRow: Int { 1 }
    public var messageRow: Int { height - 2 }
    public var keyBarRow: Int { height - 1 }
    /// Between the title bar and the message line.
    public var content: Rect {
        Rect(x: 0, y: 1 + bannerRows, width: width, height: max(0, height - 3 - bannerRows))
    }

    /// The list table (header included): below the tab row and the filter row.
    public var listTable: Rect {
        let area = content
        return Rect(x: 0, y: area.y + 2, width: width, height: max(0, area.height - 2))
    }

    /// Data rows the list shows at once.
    public var listRows: Int { max(1, listTable.height - 1) }

    /// The scrolling text of the detail page, below its heading and section tabs.
    public var detailBody: Rect {
        let area = content
        return Rect(x: 1, y: area.y + 2, width: max(0, width - 2), height: max(0, area.height - 2))
    }

    /// The form's fields, below its heading row.
    public var formBody: Rect {
        let area = content
        return Rect(x: 0, y: area.y + 1, width: width, height: max(0, area.height - 1))
    }

    /// The width of the form's label column: wider on wide terminals.
    public var formLabelWidth: Int { width >= 110 ? 28 : 25 }
}
