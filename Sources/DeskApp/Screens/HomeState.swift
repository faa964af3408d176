import DeskCore
import Foundation

/// The desk's home page: the overview figures and which line is selected.
public struct HomeState: Sendable {
    public var overview: DeskOverview?
    /// Index into the selectable lines (headings are skipped).
    public var selection = 0
    public var scroll = 0

    public init() {}
}

/// One line of the home page: a heading, or a figure that opens the requests it counts.
public struct HomeLine: Equatable, Sendable {
    /// Where a line leads when opened.
    public enum Target: Equatable, Sendable {
        case list(ListTab, filter: String)
        case request(id: UUID, reference: String)
        case reports
    }

    public var text: String
    public var figure: String
    public var target: Target?
    /// Lines that need attention (overdue, emergencies) are drawn with a warning role.
    public var isAlert: Bool

    public init(text: String, figure: String = "", target: Target? = nil, isAlert: Bool = false) {
        self.text = text
        self.figure = figure
        self.target = target
        self.isAlert = isAlert
    }

    public var isHeading: Bool { target == nil }
}
