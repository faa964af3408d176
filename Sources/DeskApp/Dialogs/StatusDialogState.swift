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
        /// How a transmitted request went (``channelShown``).
        case channel
        /// When the step happened, when not now.
        case when
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
    /// The channel a request is transmitted by, the request's own chosen at first.
    public var channel: ChoiceState
    /// When the step happened, `YYYY-MM-DD HH:MM` in the desk's time zone; empty for now.
    public var when = TextFieldState()
    /// The zone `when` is read in.
    public var timeZone: TimeZone
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
        channel = ChoiceState(options: context.reference.channels.map { ChoiceOption(id: $0.id.rawValue, label: $0.label) },
                              selected: request.channel.map { [$0.rawValue] } ?? [])
        channel.highlightSelection()
        timeZone = context.timeZone
        for target in targets {
            guard let refusal = ChecklistGate.refusal(for: request, checklist: checklist, history: history, target: target)
            else { continue }
            gateRefusals[target] = refusal
            missingItems[target] = ChecklistGate.missing(in: checklist, for: target, of: request, history: history).count
        }
    }

    public var target: RequestStatus? { targets.indices.contains(highlighted) ? targets[highlighted] : nil }

    public var requirement: Workflow.Requirement? { target.flatMap(Workflow.requirement(for:)) }

    /// The parts on show: the ground list only when the chosen status needs one, the channels
    /// only when it is the transmission.
    public var parts: [Part] {
        [.targets] + (requirement == .ground ? [.ground] : []) + (channelShown ? [.channel] : []) + [.note, .when]
    }

    /// Whether the chosen status is the transmission, whose channel the letter and the
    /// counterpart's profile need.
    public var channelShown: Bool { target == .transmitted }

    /// Whether typed characters go to a text field or a list's filter rather than to keys.
    public var takesText: Bool { focus != .targets }
}
