import DeskCore
import Foundation
import TermUI

/// The status change dialog: the statuses the workflow allows next, and the ground or reason
/// the chosen one requires.
public struct StatusDialogState: Equatable, Sendable {
    /// The parts Tab moves between.
    public enum Part: Equatable, Sendable {
        case targets
        case ground
        case note
    }

    public var requestID: UUID
    public var reference: String
    public var version: Int
    public var current: RequestStatus
    /// Only what ``Workflow/targets(from:direction:)`` allows, in its order.
    public var targets: [RequestStatus]
    public var highlighted = 0
    public var ground: ChoiceState
    public var note = TextFieldState()
    public var focus: Part = .targets
    /// Why the last attempt was refused, in words.
    public var error: String?
    public var isSubmitting = false
    /// The final status the officer was warned about and may now confirm with a second Enter;
    /// choosing another status does not carry the warning over.
    public var finalConfirmed: RequestStatus?
    public var direction: Direction
    /// Targets the checklist still blocks, with how many required items are open for each.
    public var missingItems: [RequestStatus: Int] = [:]
    /// The refusal ``ChecklistGate`` gives for each blocked target: the same words as the command line.
    public var gateRefusals: [RequestStatus: String] = [:]

    /// - Parameters:
    ///   - checklist: the request's checklist, so targets it gates are marked and refused here.
    ///   - history: the statuses it has been in, which decide whether a milestone's items apply.
    public init(request: Request, context: DeskContext, checklist: [ChecklistItem] = [], history: [StatusChange] = []) {
        requestID = request.id
        reference = request.reference.description
        version = request.version
        current = request.status
        direction = request.direction
        targets = Workflow.targets(from: request.status, direction: request.direction)
        let allowed = RefusalGroundRules.allowed(for: request, reference: context.reference).map { Set($0.grounds) }
        ground = ChoiceState(options: context.reference.refusalGrounds.filter { allowed?.contains($0.id) ?? true }
            .map { ChoiceOption(id: $0.id.rawValue, label: $0.label) })
        for target in targets {
            guard let refusal = ChecklistGate.refusal(for: request, checklist: checklist, history: history, target: target)
            else { continue }
            gateRefusals[target] = refusal
            missingItems[target] = ChecklistGate.missing(in: checklist, for: target, of: request, history: history).count
        }
    }

    public var target: RequestStatus? { targets.indices.contains(highlighted) ? targets[highlighted] : nil }

    public var requirement: Workflow.Requirement? { target.flatMap(Workflow.requirement(for:)) }

    /// The parts on show: the ground list only when the chosen status needs one.
    public var parts: [Part] { requirement == .ground ? [.targets, .ground, .note] : [.targets, .note] }

    /// Whether typed characters go to the note or the ground filter rather than to keys.
    public var takesText: Bool { focus == .note || focus == .ground }
}
