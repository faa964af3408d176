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
        if ground != nil, Workflow.requirement(for: target) != .ground {
            throw TransitionError(message: "Only a refusal takes a ground; moving to \(target.rawValue) does not")
        }
        switch Workflow.requirement(for: target) {
        case .ground:
            if ground == nil || ground?.rawValue.isEmpty == true {
                throw TransitionError(message: "A refusal needs its ground (e.g. --ground political_offence)")
            }
        case .reason:
            if note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw TransitionError(message: "Moving to \(target.rawValue) needs a reason in the note")
            }
        case nil:
            break
        }
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
