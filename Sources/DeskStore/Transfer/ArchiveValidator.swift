import DeskCore
import Foundation

/// Checks an archive before anything of it is kept: every request valid against the reference
/// data and the workflow, attachments consistent, ids unique. Names the first problem in words,
/// with the request it concerns.
///
/// It checks one request at a time, remembering the ids and references it has seen, so an
/// import can check each request as it is decoded (``DeskStore/importArchive(_:reference:dryRun:)-(ArchiveInput,_,_)``)
/// as well as a whole archive at once (``firstProblem(in:)``).
struct ArchiveValidator {
    let reference: ReferenceData
    /// This desk's clock when the import began: what happened cannot have happened after it.
    let now: Date
    private let validator: RequestValidator
    private var requestIDs = Set<UUID>()
    private var references = Set<RequestReference>()
    private var attachmentIDs = Set<UUID>()

    init(reference: ReferenceData, now: Date) {
        self.reference = reference
        self.now = now
        validator = RequestValidator(reference: reference)
    }

    /// How far a record's time may run ahead of this desk's clock: desks' clocks differ, and a
    /// package made a moment ago at a desk whose clock runs fast is still today's.
    static let clockAllowance: TimeInterval = 86_400


    /// The longest sending desk id accepted; real ones are UUIDs. The id goes into the audit trail.
    static let maxDeskIDLength = 128

    /// The first problem of a whole archive: its sending desk, then each request in order.
    func firstProblem(in archive: RequestArchive) -> String? {
        if let problem = Self.deskIDProblem(archive.deskID) { return problem }
        var running = self
        for (index, details) in archive.requests.enumerated() {
            if let problem = running.problem(in: details, at: index) { return problem }
        }
        return nil
    }

    static func deskIDProblem(_ deskID: String) -> String? {
        if deskID.count > maxDeskIDLength || deskID.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "deskID: is not a desk id (at most \(maxDeskIDLength) characters, no control characters)"
        }
        return nil
    }

    /// The largest version and reference number an import takes: far beyond any desk's, and far
    /// enough below the integers' limit that the next version and the next reference of the
    /// year can always be counted.
    static let highestNumber = 999_999_999

    /// The problem of the request at `index` of `requests`, among those checked before it.
    mutating func problem(in details: RequestDetails, at index: Int) -> String? {
        let request = details.request
        let name = "requests[\(index)] (\(request.reference))"
        guard requestIDs.insert(request.id).inserted else { return "\(name): the id \(request.id) appears twice" }
        guard references.insert(request.reference).inserted else { return "\(name): the reference appears twice" }
        if let problem = validator.validate(request).first { return "\(name): \(problem)" }
        if !(1...Self.highestNumber).contains(request.version) {
            return "\(name): version must be between 1 and \(Self.highestNumber)"
        }
        if request.reference.sequence > Self.highestNumber {
            return "\(name): the reference's number must be at most \(Self.highestNumber)"
        }
        if let problem = historyProblem(details) { return "\(name): \(problem)" }
        if let problem = timeProblem(details) { return "\(name): \(problem)" }
        var itemIDs = Set<String>()
        for item in details.checklist {
            guard itemIDs.insert(item.itemID).inserted else { return "\(name): checklist item \(item.itemID) appears twice" }
            if item.state == .notApplicable, item.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                return "\(name): checklist item \(item.itemID) is marked not applicable without a reason"
            }
        }
        let exchangeIDs = Set(details.exchanges.map(\.id))
        for exchange in details.exchanges {
            guard exchange.requestID == request.id else { return "\(name): exchange \(exchange.id) belongs to another request" }
            guard attachmentIDs.insert(exchange.id).inserted else { return "\(name): the id \(exchange.id) appears twice" }
            if let problem = EvidenceRules.problems(in: exchange, reference: reference).first {
                return "\(name): evidence exchange \(exchange.id): \(problem)"
            }
        }
        let evidenceIDs = Set(details.items.map(\.id))
        for item in details.items {
            guard exchangeIDs.contains(item.exchangeID) else {
                return "\(name): evidence item \(item.id) names an exchange that is not in the request"
            }
            guard attachmentIDs.insert(item.id).inserted else { return "\(name): the id \(item.id) appears twice" }
            for digest in item.declaredHashes + item.computedHashes where !digest.isWellFormed {
                return "\(name): evidence item \(item.id) has a malformed \(digest.algorithm.rawValue) hash"
            }
            if let problem = EvidenceRules.problems(in: item).first {
                return "\(name): evidence item \(item.id): \(problem)"
            }
        }
        for event in details.custody {
            guard evidenceIDs.contains(event.itemID) else {
                return "\(name): custody event \(event.id) names an item that is not in the request"
            }
            guard attachmentIDs.insert(event.id).inserted else { return "\(name): the id \(event.id) appears twice" }
        }
        if let problem = Self.afterDestruction(details.custody) { return "\(name): \(problem)" }
        return nil
    }

    /// A custody event dated at or after its item's destruction, which the desk refuses to
    /// record (``DeskStore``'s custody rule): an archive may not bring what the desk would not take.
    private static func afterDestruction(_ custody: [CustodyEvent]) -> String? {
        var destruction: [UUID: CustodyEvent] = [:]
        for event in custody where event.kind == .destroyed {
            if let first = destruction[event.itemID], first.at <= event.at { continue }
            destruction[event.itemID] = event
        }
        for event in custody {
            guard let destroyed = destruction[event.itemID], event.id != destroyed.id, event.at >= destroyed.at else { continue }
            return "custody event \(event.id) (\(event.kind.rawValue)) of evidence item \(event.itemID) is dated "
                + "\(DeskJSON.formatInstant(event.at)), at or after the item's destruction at "
                + "\(DeskJSON.formatInstant(destroyed.at)); nothing can happen to an item after that"
        }
        return nil
    }

    /// A time at which something happened — the request was made, sent, answered, a step taken,
    /// evidence exchanged, handed on, an address seen — that lies ahead of this desk's clock
    /// (beyond ``clockAllowance``) or before `RecordTime.earliest`. Due dates lie ahead by nature.
    private func timeProblem(_ details: RequestDetails) -> String? {
        let request = details.request
        var times: [(Date?, String)] = [
            (request.dates.created, "it was created"), (request.dates.sentOrReceived, "it was sent or received"),
            (request.dates.acknowledged, "it was acknowledged"), (request.dates.completed, "it was completed"),
            (request.updatedAt, "it was last changed"),
        ]
        times += request.identifiers.map { ($0.observedAt, "its identifier \($0.value) was seen") }
        times += details.history.map { ($0.at, "its status history reached \($0.to.rawValue)") }
        times += details.checklist.map { ($0.changedAt, "checklist item \($0.itemID) was changed") }
        times += details.exchanges.map { ($0.at, "evidence exchange \($0.id) took place") }
        times += details.custody.map { ($0.at, "custody event \($0.id) took place") }
        let latest = now.addingTimeInterval(Self.clockAllowance)
        for case let (time?, what) in times {
            if time > latest {
                return "\(what) at \(DeskJSON.formatInstant(time)), in the future (this desk's clock reads \(DeskJSON.formatInstant(now)))"
            }
            if time < RecordTime.earliest {
                return "\(what) at \(DeskJSON.formatInstant(time)), before 1970"
            }
        }
        return nil
    }

    private func historyProblem(_ details: RequestDetails) -> String? {
        let request = details.request
        guard let first = details.history.first else { return "its status history is empty" }
        guard first.from == nil, first.to == Workflow.initialStatus(for: request.direction) else {
            return "its status history does not start at \(Workflow.initialStatus(for: request.direction).rawValue)"
        }
        for (previous, change) in zip(details.history, details.history.dropFirst()) {
            guard change.from == previous.to,
                let from = change.from, Workflow.allows(from: from, to: change.to, direction: request.direction)
            else {
                return "its status history has a step \(change.from?.rawValue ?? "—") → \(change.to.rawValue) the workflow does not allow"
            }
            if change.to == .refused, let ground = change.ground, reference.refusalGround(ground) == nil {
                return "its refusal ground '\(ground)' is not known"
            }
            if change.to == .refused, let ground = change.ground,
               let problem = RefusalGroundRules.problem(ground, for: request, reference: reference) {
                return "its status history has a refusal refused here: \(problem)"
            }
            if change.at < previous.at {
                return "its status history goes back in time: \(change.to.rawValue) at \(DeskJSON.formatInstant(change.at)) comes after \(previous.to.rawValue) at \(DeskJSON.formatInstant(previous.at))"
            }
            if let problem = StatusRules.requirementProblem(to: change.to, note: change.note, ground: change.ground) {
                return "its status history has a step to \(change.to.rawValue) refused here: \(problem)"
            }
        }
        guard details.history.last?.to == request.status else {
            return "its status history does not end at its status \(request.status.rawValue)"
        }
        return nil
    }
}
