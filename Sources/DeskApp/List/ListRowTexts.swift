import DeskCore
import Foundation

/// The cell texts of the list rows painted lately, so a frame repaints rows it painted a moment
/// ago without writing their dates and looking up their labels again.
///
/// A keystroke on the filter line, a cursor move or a page that arrives repaints the whole
/// list, and most rows on screen were on the frame before. ``update(_:_:)`` keeps the texts of
/// the rows on screen here, and the view takes an entry only when it was made from an equal
/// summary for the same column layout: an edited row or a new page brings a different summary,
/// a width change a different layout, and either is written afresh. Rows that left the screen
/// keep their texts for the next frames until more than ``capacity`` are held; then only the
/// rows on screen stay.
public struct ListRowTexts: Sendable {
    /// How many rows' texts are held before those off screen are dropped.
    public static let capacity = 256

    private struct Entry: Sendable {
        var summary: RequestSummary
        var wide: Bool
        var cells: [String]
    }

    private var entries: [UUID: Entry] = [:]

    public init() {}

    /// How many rows' texts are held.
    public var count: Int { entries.count }

    /// The texts made from this very summary for the layout (`wide`: the updated column shows
    /// the time), or nil.
    public func cells(for summary: RequestSummary, wide: Bool) -> [String]? {
        guard let entry = entries[summary.id], entry.wide == wide, entry.summary == summary else { return nil }
        return entry.cells
    }

    /// Makes texts with `make` for every row of `rows` that has none for the layout, then, past
    /// ``capacity``, forgets every row not in `rows`.
    public mutating func keep(_ rows: [RequestSummary], wide: Bool, make: (RequestSummary) -> [String]) {
        for row in rows where cells(for: row, wide: wide) == nil {
            entries[row.id] = Entry(summary: row, wide: wide, cells: make(row))
        }
        guard entries.count > Self.capacity else { return }
        let kept = Set(rows.map(\.id))
        entries = entries.filter { kept.contains($0.key) }
    }
}
