/// The one rule that stops a request from moving on while its checklist is incomplete: the
/// store applies it to every status change and the desk's dialog asks it before offering one,
/// so both refuse the same transitions with the same words.
public enum ChecklistGate {
    /// Required, current items still open that must be settled before `target`, in checklist order.
    public static func missing(in checklist: [ChecklistItem], for target: RequestStatus) -> [ChecklistItem] {
        checklist.filter { $0.isRequired && !$0.isObsolete && !$0.isSettled && $0.gates == target }
    }

    /// The refusal, or `nil` when nothing blocks the move:
    /// "OUT-2026-0003 cannot move to transmitted: 2 required checklist items are open: Legal basis; Summary of facts".
    public static func refusal(for request: Request, checklist: [ChecklistItem], target: RequestStatus) -> String? {
        let open = missing(in: checklist, for: target)
        guard !open.isEmpty else { return nil }
        let count = open.count == 1 ? "1 required checklist item is open" : "\(open.count) required checklist items are open"
        return "\(request.reference) cannot move to \(target.rawValue): \(count): "
            + open.map(\.label).joined(separator: "; ")
    }

    /// Throws the refusal, for callers that treat it like any other refused transition.
    public static func check(_ request: Request, checklist: [ChecklistItem], to target: RequestStatus) throws(TransitionError) {
        if let message = refusal(for: request, checklist: checklist, target: target) {
            throw TransitionError(message: message)
        }
    }
}
