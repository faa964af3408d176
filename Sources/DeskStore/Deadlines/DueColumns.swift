import DeskCore
import Foundation

/// The two due-date copies a request row keeps for lists and counts: the date it is listed under
/// (manual wins) and the earliest date anything on it falls due (for the agenda).
struct DueColumns {
    var next: Date?
    var earliest: Date?

    init(_ deadlines: RequestDeadlines) {
        next = deadlines.next?.due
        earliest = deadlines.earliest
    }
}
