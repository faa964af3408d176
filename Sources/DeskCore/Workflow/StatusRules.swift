import Foundation

/// The checks and side effects of a status change that do not need the database: one place,
/// used by the store, so the desk and the command line refuse exactly the same things.
public enum StatusRules {
    public static func check(_ request: Request, to target: RequestStatus, note: String,
                             ground: RefusalGroundID?) throws(TransitionError) {
        guard Workflow.allows(from: request.status, to: target, direction: request.direction) else {
            let allowed = Workflow.targets(from: request.status, direction: request.direction).map(\.rawValue)
            throw TransitionError(
                message: "\(request.reference) cannot move from \(request.status.rawValue) to \(target.rawValue); "
                    + (allowed.isEmpty ? "it is in a final status" : "allowed: \(allowed.joined(separator: ", "))"))
        }
        if let problem = requirementProblem(to: target, note: note, ground: ground) {
            throw TransitionError(message: problem)
        }
    }

    /// What a step to `target` lacks or carries that it must not, in one sentence, or nil: the
    /// same rule for a status change here and for each step of an imported history.
    public static func requirementProblem(to target: RequestStatus, note: String, ground: RefusalGroundID?) -> String? {
        let requirement = Workflow.requirement(for: target)
        if ground != nil, requirement != .ground {
            return "Only a refusal takes a ground; moving to \(target.rawValue) does not"
        }
        if requirement == .ground, ground?.rawValue.isEmpty ?? true {
            return "A refusal needs its ground (e.g. political_offence)"
        }
        if requirement == .reason, note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return "Moving to \(target.rawValue) needs a reason in the note"
        }
        return nil
    }

    /// Fills the key dates a status implies, never overwriting one the officer entered.
    public static func stampDates(_ request: inout Request, entering target: RequestStatus, at now: Date) {
        switch target {
        case .transmitted where request.dates.sentOrReceived == nil:
            request.dates.sentOrReceived = now
        case .acknowledged where request.dates.acknowledged == nil:
            request.dates.acknowledged = now
        default:
            break
        }
        if target.isFinal && request.dates.completed == nil {
            request.dates.completed = now
        }
    }
}

/// A status change the workflow does not allow, in one sentence.
public struct TransitionError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
