/// The one rule that stops a request from moving on while its checklist is incomplete: the
/// store applies it to every status change and the desk's dialog asks it before offering one,
/// so both refuse the same transitions with the same words.
public enum ChecklistGate {
    /// Required, current items still open that must be settled before `target`, in checklist order.
    public static func missing(in checklist: [ChecklistItem], for target: RequestStatus) -> [ChecklistItem] {
        missing(in: checklist, gating: [target])
    }

    /// The same for a move of `request`, whose `history` says which statuses it has been in: a
    /// move past a milestone it never reached (``Workflow/milestone(before:direction:)``) needs
    /// that milestone's items too.
    public static func missing(in checklist: [ChecklistItem], for target: RequestStatus, of request: Request,
                               history: [StatusChange]) -> [ChecklistItem] {
        var gated: Set<RequestStatus> = [target]
        if let milestone = Workflow.milestone(before: target, direction: request.direction),
            request.status != milestone, !history.contains(where: { $0.to == milestone }) {
            gated.insert(milestone)
        }
        return missing(in: checklist, gating: gated)
    }

    private static func missing(in checklist: [ChecklistItem], gating statuses: Set<RequestStatus>) -> [ChecklistItem] {
        checklist.filter { item in
            item.isRequired && !item.isObsolete && !item.isSettled && item.gates.map(statuses.contains) == true
        }
    }

    /// The refusal, or `nil` when nothing blocks the move:
    /// "OUT-2026-0003 cannot move to transmitted: 2 required checklist items are open: Legal basis; Summary of facts".
    public static func refusal(for request: Request, checklist: [ChecklistItem], history: [StatusChange],
                               target: RequestStatus) -> String? {
        let open = missing(in: checklist, for: target, of: request, history: history)
        guard !open.isEmpty else { return nil }
        let count = open.count == 1 ? "1 required checklist item is open" : "\(open.count) required checklist items are open"
        return "\(request.reference) cannot move to \(target.rawValue): \(count): "
            + open.map(\.label).joined(separator: "; ")
    }

    /// Throws the refusal, for callers that treat it like any other refused transition.
    public static func check(_ request: Request, checklist: [ChecklistItem], history: [StatusChange],
                             to target: RequestStatus) throws(TransitionError) {
        if let message = refusal(for: request, checklist: checklist, history: history, target: target) {
            throw TransitionError(message: message)
        }
    }
}
