import DeskCore
import TermUI

/// The tabs of the request list.
public enum ListTab: CaseIterable, Equatable, Sendable {
    case incoming
    case outgoing
    case all

    public var label: String {
        switch self {
        case .incoming: "Incoming"
        case .outgoing: "Outgoing"
        case .all: "All"
        }
    }

    public var direction: Direction? {
        switch self {
        case .incoming: .incoming
        case .outgoing: .outgoing
        case .all: nil
        }
    }
}

/// The request list: tab, filter line, sort, the query they make, and the rows held around
/// the cursor. Positions (`cursor`, `top`) count rows of the whole result, not of the window.
public struct ListState: Sendable {
    public var tab: ListTab = .all
    public var filter = TextFieldState()
    /// What the filter line holds that the desk did not understand, read when the line last
    /// changed (``RequestListScreen/reload(_:force:)``), so a frame only draws it.
    public var filterProblems: [String] = []
    public var isEditingFilter = false
    public var sort: RequestSort = .updated
    public var descending = true
    /// The query the rows and the total belong to; answers for any other query are stale.
    public var query = RequestQuery()
    /// Matching requests, once counted.
    public var total: Int?
    public var cursor = 0
    /// The first row on screen.
    public var top = 0
    public var window = RowWindow()
    /// The texts of the rows painted lately, kept by ``update(_:_:)`` for the view.
    public var rowTexts = ListRowTexts()

    public init() {}

    /// The request under the cursor, when its page is loaded.
    public var selected: RequestSummary? { window.row(at: cursor) }
}
