import DeskCore
import Foundation

/// Decides, without writing, what one incoming request does to this desk: added when new,
/// unchanged when identical, updated when the package holds a later version that extends what
/// is here. Anything else (a newer or diverged local version, a reference taken by another
/// request) is a conflict that refuses the whole package.
enum ImportPlanner {
    struct Planned {
        var change: RequestChange
        /// The incoming request with evidence paths set for this desk.
        var incoming: RequestDetails
        var local: RequestDetails?
    }

    /// `evidencePath` gives the evidence store path for an item whose file the package carries;
    /// an item this desk already holds with a file keeps that file (the package's copy of it is
    /// the same bytes, since computed hashes are never replaced).
    ///
    /// `exchanged` is the version of the request this desk last exchanged (``ExchangedVersions``):
    /// a later version is refused when the copy here has changed since.
    static func plan(_ incoming: RequestDetails, local: RequestDetails?, referenceTaken: Bool, exchanged: Int? = nil,
                     evidencePath: (UUID) -> String?) throws -> Planned {
        var details = incoming
        let localItems = Dictionary((local?.items ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for index in details.items.indices {
            let id = details.items[index].id
            details.items[index].attachedPath = localItems[id]?.attachedPath ?? evidencePath(id)
        }
        let request = details.request
        var change = RequestChange(requestID: request.id, reference: request.reference, kind: .added, fieldChanges: "",
                                   newStatusChanges: details.history.count, changedChecklistItems: details.checklist.count,
                                   newOrChangedExchanges: details.exchanges.count, newOrChangedItems: details.items.count,
                                   newCustodyEvents: details.custody.count)
        guard let local else {
            if referenceTaken {
                throw DeskError.importRejected("the reference \(request.reference) is already used by another request on this desk")
            }
            return Planned(change: change, incoming: details, local: nil)
        }
        if local == details {
            change.kind = .unchanged
            change.newStatusChanges = 0
            change.changedChecklistItems = 0
            change.newOrChangedExchanges = 0
            change.newOrChangedItems = 0
            change.newCustodyEvents = 0
            return Planned(change: change, incoming: details, local: local)
        }
        let name = request.reference.description
        guard local.request.reference == request.reference else {
            throw DeskError.importRejected("\(name) is on this desk as \(local.request.reference)")
        }
        guard request.version > local.request.version || addsOnly(to: local, incoming: details) else {
            throw DeskError.importRejected(
                "\(name) is here at version \(local.request.version), the package holds version \(request.version) with other content: the copy here is newer or was changed on both desks")
        }
        if request.version > local.request.version, let exchanged, local.request.version > exchanged {
            throw DeskError.importRejected(
                "\(name) was changed on this desk since version \(exchanged), the last one exchanged (it is at version \(local.request.version) here), and the package brings version \(request.version) made on the other desk: it was changed on both desks; compare the two and bring the changes together by hand")
        }
        if let item = local.items.first(where: { item in
            !item.computedHashes.isEmpty && details.items.contains { $0.id == item.id && $0.computedHashes != item.computedHashes }
        }) {
            throw DeskError.importRejected(
                "\(name): the package changes the computed hashes of evidence item \(EvidenceID.short(item.id, among: local.evidenceIDs)); hashes computed on this desk are never replaced")
        }
        if let problem = divergence(local: local, incoming: details) {
            throw DeskError.importRejected("\(name) was also changed on this desk since the sender's copy was made (\(problem))")
        }
        change.kind = .updated(fromVersion: local.request.version, toVersion: request.version)
        change.fieldChanges = FieldDiff.changes(from: local.request, to: request).joined(separator: "; ")
        change.newStatusChanges = details.history.count - local.history.count
        change.changedChecklistItems = details.checklist.filter { !local.checklist.contains($0) }.count
        change.newOrChangedExchanges = details.exchanges.filter { !local.exchanges.contains($0) }.count
        change.newOrChangedItems = details.items.filter { !local.items.contains($0) }.count
        change.newCustodyEvents = newCustody(in: details, over: local).count
        return Planned(change: change, incoming: details, local: local)
    }

    /// Whether `incoming` holds the same request as `local` at the same version, with evidence
    /// or custody added, or checklist items settled later than here, and nothing of `local`
    /// changed. Recording evidence, custody or a checklist tick does not raise a request's
    /// version, so that is how a package delivers a seized item's next custody event or the
    /// other desk's work on the checklist; any other difference at the same version cannot say
    /// which desk is right.
    private static func addsOnly(to local: RequestDetails, incoming: RequestDetails) -> Bool {
        incoming.request == local.request && incoming.history == local.history
            && checklistCarriesOn(from: local, in: incoming)
            && custodyCarriesOn(from: local, in: incoming)
            && local.exchanges.allSatisfy(incoming.exchanges.contains) && local.items.allSatisfy(incoming.items.contains)
    }

    /// Whether the package holds the same checklist items as here, none changed here later
    /// than the package's copy (the sender ticked some since the copy here was made).
    private static func checklistCarriesOn(from local: RequestDetails, in incoming: RequestDetails) -> Bool {
        incoming.checklist.count == local.checklist.count && checklistDivergence(local: local, incoming: incoming) == nil
    }

    /// The first checklist item here that the package does not carry on from: one it lacks, or
    /// one changed here later than the package's copy of it.
    private static func checklistDivergence(local: RequestDetails, incoming: RequestDetails) -> String? {
        let checklist = Dictionary(incoming.checklist.map { ($0.itemID, $0) }, uniquingKeysWith: { first, _ in first })
        for item in local.checklist {
            guard let sent = checklist[item.itemID] else { return "checklist item \(item.itemID) is not in the package" }
            if sent != item, let changed = item.changedAt, changed > (sent.changedAt ?? .distantPast) {
                return "checklist item \(item.itemID) was changed here by \(item.changedBy), later than the package's copy"
            }
        }
        return nil
    }

    /// Whether the package's chain of custody carries on from this desk's: the events both hold
    /// come first in the package, in the same order, and the only events here the package lacks
    /// are verifications, this desk hashing a received item's file again, which stay here.
    static func custodyCarriesOn(from local: RequestDetails, in incoming: RequestDetails) -> Bool {
        let sent = Set(incoming.custody.map(\.id))
        let onlyHere = local.custody.filter { !sent.contains($0.id) }
        return onlyHere.allSatisfy(\.kind.isVerification)
            && incoming.custody.starts(with: local.custody.filter { sent.contains($0.id) })
    }

    /// The package's custody events this desk does not hold yet, in the package's order.
    static func newCustody(in incoming: RequestDetails, over local: RequestDetails) -> [CustodyEvent] {
        let here = Set(local.custody.map(\.id))
        return incoming.custody.filter { !here.contains($0.id) }
    }

    /// What this desk holds that the later version does not carry on from.
    private static func divergence(local: RequestDetails, incoming: RequestDetails) -> String? {
        guard incoming.history.starts(with: local.history) else { return "its status history differs" }
        guard custodyCarriesOn(from: local, in: incoming) else { return "its chain of custody differs" }
        let exchanges = Set(incoming.exchanges.map(\.id))
        if let missing = local.exchanges.first(where: { !exchanges.contains($0.id) }) {
            return "evidence exchange \(missing.id) is not in the package"
        }
        let items = Set(incoming.items.map(\.id))
        if let missing = local.items.first(where: { !items.contains($0.id) }) {
            return "evidence item \(missing.id) is not in the package"
        }
        return checklistDivergence(local: local, incoming: incoming)
    }
}
