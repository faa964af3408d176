/// One row of a ``TableView``: cell texts, the row's role, and a short text marker.
///
/// The marker ("!" for overdue, say) carries meaning as text so it survives a monochrome terminal.
public struct TableRow: Equatable, Sendable {
    public var cells: [String]
    public var role: StyleRole
    /// One or two columns of text shown before the first cell.
    public var marker: String

    public init(cells: [String], role: StyleRole = .normal, marker: String = "") {
        self.cells = cells
        self.role = role
        self.marker = marker
    }
}
