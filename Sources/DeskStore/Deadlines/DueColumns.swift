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

    /// The three values in the order of the columns `due_at`, `first_due_at`, `preservation_due_at`.
    var arguments: StatementArguments {
        [next.map(DeskJSON.milliseconds), earliest.map(DeskJSON.milliseconds), preservationExpiry.map(DeskJSON.milliseconds)]
    }
}
