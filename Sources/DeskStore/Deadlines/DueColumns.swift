import DeskCore
import GRDB
import Foundation

/// The due-date copies a request row keeps for lists and counts: the date it is listed under
/// (manual wins), the earliest date anything on it falls due (for the agenda), and the
/// earliest date its preserved data may be lost (for the home page's warning).
struct DueColumns {
    var next: Date?
    var earliest: Date?
    var preservationExpiry: Date?

    init(_ deadlines: RequestDeadlines) {
        next = deadlines.next?.due
        earliest = deadlines.earliest
        preservationExpiry = deadlines.all.first(where: \.isPreservationExpiry)?.due
    }

    /// The request table's due columns, in the order of ``columns``.
    static let names = ["due_at", "first_due_at", "preservation_due_at"]

    /// Each column of the request table with its value (milliseconds since 1970, or null).
    var columns: [(name: String, value: (any DatabaseValueConvertible)?)] {
        Array(zip(Self.names, [next, earliest, preservationExpiry].map { $0.map(DeskJSON.milliseconds) }))
    }
}
