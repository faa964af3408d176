import DeskCore
import DeskStore
import Foundation

/// Carries out effects against the case file and answers with messages. Store calls are
/// indexed and take about a millisecond, so they run synchronously on the loop.
public struct EffectRunner: Sendable {
    public let store: DeskStore
    public let clock: any Clock

    public init(store: DeskStore, clock: any Clock) {
        self.store = store
        self.clock = clock
    }

    /// The answer to one effect; `.quit` needs none.
    public func run(_ effect: Effect) -> [Msg] {
        do {
            switch effect {
            case .loadOverview:
                return [.overviewLoaded(try store.overview(now: clock.now()))]
            case .count(let query):
                return [.countLoaded(query, try store.count(query))]
            case .loadPage(let query, let offset, let limit):
                return [.pageLoaded(query, offset: offset, rows: try store.page(query, offset: offset, limit: limit))]
            case .loadDetails(let id, let purpose):
                guard let details = try store.details(id: id) else {
                    return [.failed(.notFound("The request"), during: effect.kind)]
                }
                let audit = purpose == .view ? try store.audit(requestID: id) : []
                return [.detailsLoaded(details, audit: audit, purpose: purpose)]
            case .create(let request):
                return [.saved(try store.create(request))]
            case .save(let request):
                return [.saved(try store.update(request))]
            case .changeStatus(let order):
                let request = try store.changeStatus(id: order.id, expectedVersion: order.expectedVersion, to: order.target,
                                                     note: order.note, ground: order.ground)
                return [.statusChanged(request)]
            case .quit:
                return []
            case .changeChecklist(let order):
                let item = try store.changeChecklistItem(requestID: order.requestID, itemID: order.itemID, order.changes)
                return [.checklistChanged(item, requestID: order.requestID)]
            case .writeDraft(let order):
                try SafeFileWriter.write(Data(order.text.utf8), to: order.path, replacing: false)
                try store.recordDraft(requestID: order.requestID, template: order.template, file: order.path)
                return [.draftWritten(order)]
            case .loadReport(let period, let from):
                let model = try store.report(from: from, until: nil, now: clock.now(), reference: store.reference)
                return [.reportLoaded(model, period: period)]
            }
        } catch let error as DeskError {
            return [.failed(error, during: effect.kind)]
        } catch {
            return [.failed(.writeFailed(String(describing: error)), during: effect.kind)]
        }
    }
}
