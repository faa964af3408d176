import DeskCore
import Foundation

/// The deadlines part of a request's summary: the next due date, the officer's own due date and
/// every deadline the rules compute, each with what to do about it, marked when it warns or is
/// overdue. The officer's date replaces the follow-ups (shown, dimmed), never a legal deadline.
enum DeadlineLines {
    static func deadlines(of details: RequestDetails, context: DeskContext) -> RequestDeadlines {
        RequestDeadlines.compute(for: details.request, history: details.history, rules: context.reference.deadlineRules)
    }

    static func lines(_ deadlines: RequestDeadlines, request: Request, context: DeskContext, now: Date) -> [DetailLine] {
        let dates = context.dates
        var lines: [DetailLine] = [.heading("Deadlines")]
        guard !request.status.isFinal || deadlines.next != nil else {
            lines.append(.field("Next due", "none running: the request is \(request.status.label.lowercased())", role: .dim))
            lines.append(.field("Your due date", request.dates.due.map(dates.day) ?? "none set", role: .dim))
            return lines
        }
        if let next = deadlines.next {
            let when = next.source == .manual ? dates.day(next.due) : dates.minute(next.due)
            lines.append(.field("Next due", "\(when)  \(next.label)\(mark(next, now: now))",
                                role: role(next, now: now)))
        } else {
            lines.append(.field("Next due", "no deadline runs", role: .dim))
        }
        if let manual = deadlines.manual {
            lines.append(.field("Your due date", "\(dates.day(manual.due))  (replaces the follow-ups)\(mark(manual, now: now))",
                                role: role(manual, now: now)))
        } else if request.status.isFinal, let due = request.dates.due {
            lines.append(.field("Your due date", "\(dates.day(due))  (no longer counted: the request is "
                                + "\(request.status.label.lowercased()))", role: .dim))
        } else {
            lines.append(.field("Your due date", "none set", role: .dim))
        }
        var prompted: Set<String> = []
        for deadline in deadlines.computed {
            var text = "\(dates.minute(deadline.due))  \(deadline.label)"
            if let extended = deadline.extendedDue { text += " (extendable to \(dates.day(extended)))" }
            let replaced = deadline.source == .chase && deadlines.manual != nil
            text += replaced ? "  (replaced by your due date)" : mark(deadline, now: now)
            lines.append(.field(deadline.source == .chase ? "Follow-up" : "Legal deadline", text,
                                role: replaced ? .dim : role(deadline, now: now)))
            if !deadline.prompt.isEmpty, prompted.insert(deadline.prompt).inserted {
                lines.append(.field("", deadline.prompt, role: .dim))
            }
        }
        return lines
    }

    private static func mark(_ deadline: Deadline, now: Date) -> String {
        if deadline.isOverdue(at: now) { return "  ! overdue" }
        if deadline.isWarning(at: now) { return "  ! due soon" }
        return ""
    }

    private static func role(_ deadline: Deadline, now: Date) -> DetailRole {
        if deadline.isOverdue(at: now) { return .overdue }
        if deadline.isWarning(at: now) { return .warning }
        return .value
    }
}
