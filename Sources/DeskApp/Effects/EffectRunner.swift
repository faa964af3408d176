import DeskCore
import DeskStore
import Foundation

/// Carries out effects against the case file and answers with messages. Store calls are
/// indexed and take about a millisecond, so they run synchronously on the loop; hashing, the
/// check at opening and exchange packages run in ``tasks`` and answer later through its inbox.
public struct EffectRunner: Sendable {
    public let store: DeskStore
    public let reference: ReferenceData
    public let clock: any Clock
    public let tasks: BackgroundTasks
    /// Packages checked and waiting on the import screen.
    public let staged: StagedPackages

    public init(store: DeskStore, reference: ReferenceData, clock: any Clock, tasks: BackgroundTasks = BackgroundTasks(),
                staged: StagedPackages = StagedPackages()) {
        self.store = store
        self.reference = reference
        self.clock = clock
        self.tasks = tasks
        self.staged = staged
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
                let rows = try store.page(query, offset: offset, limit: limit)
                return [.pageLoaded(query, offset: offset, limit: limit, rows: rows)]
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
                                                     note: order.note, ground: order.ground, at: order.at, channel: order.channel)
                return [.statusChanged(request)]
            case .grantExtension(let id, let ruleID):
                return [.extensionGranted(try store.grantExtension(id: id, ruleID: ruleID))]
            case .quit:
                staged.close()
                return []
            case .recordExchange(let exchange):
                return [.evidenceSaved(.exchange(try store.recordExchange(exchange)))]
            case .addItem(let item):
                return [.evidenceSaved(.items([try store.addItem(item)], skipped: 0))]
            case .appendCustody(let event):
                return [.evidenceSaved(.custody(try store.appendCustody(event)))]
            case .loadTimeline(let itemID):
                return [.timelineLoaded(itemID, try store.timeline(itemID: itemID))]
            case .cancel(let job):
                tasks.cancel(job)
                return []
            case .verifyDesk, .hashItems, .attachFile, .stagePackage, .importPackage:
                return startInBackground(effect)
            case .discardPackage(let id):
                staged.discard(id)
                return []
            case .changeChecklist(let order):
                let item = try store.changeChecklistItem(requestID: order.requestID, itemID: order.seen.itemID, order.changes,
                                                         seen: order.seen)
                return [.checklistChanged(item, requestID: order.requestID)]
            case .writeDraft(let order):
                let contents = Data(order.text.utf8)
                let path = Self.expandingHome(order.path)
                try store.writeOutputFile(contents, to: path, replacing: false)
                try store.recordDraft(requestID: order.requestID, template: order.template, file: path, contents: contents)
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

    /// Starts a long effect on its own thread; its answers arrive through ``tasks``.
    private func startInBackground(_ effect: Effect) -> [Msg] {
        let store = store
        let reference = reference
        let staged = staged
        let kind = effect.kind
        switch effect {
        case .verifyDesk:
            tasks.start(.verify) { cancellation, _ in
                Self.answer(kind) { .deskVerified(try store.verifyAtOpen(cancellation: cancellation)) }
            }
        case .hashItems(let template, let path):
            tasks.start(.hashing) { cancellation, post in
                Self.answer(kind) {
                    let result = try store.addItems(template, hashing: RawPath(path), cancellation: cancellation,
                                                    progress: { post(.hashProgress($0)) })
                    return .evidenceSaved(.items(result.items, skipped: result.skipped.count))
                }
            }
        case .attachFile(let itemID, let path):
            tasks.start(.hashing) { cancellation, post in
                Self.answer(kind) {
                    let result = try store.attach(RawPath(path), to: itemID, cancellation: cancellation,
                                                  progress: { post(.hashProgress($0)) })
                    return .evidenceSaved(.items(result.items, skipped: 0))
                }
            }
        case .stagePackage(let folder, let check):
            let started = tasks.start(.package) { cancellation, _ in
                Self.answer(kind) {
                    let package = try store.stagePackage(at: folder, reference: reference, recordRefusal: true)
                    guard !cancellation.isCancelled, let id = staged.add(package) else {
                        // Nobody waits for this check any more: nothing to say.
                        package.discard()
                        return nil
                    }
                    return .packageStaged(id: id, preview: package.preview, check: check)
                }
            }
            if !started {
                return [.packageCheckBusy(check: check)]
            }
        case .importPackage(let id):
            guard let package = staged.take(id) else {
                return [.failed(.importRejected("the staged copy of the package was discarded"), during: kind)]
            }
            // The check that staged this package has ended: its answer arrived as its slot freed.
            tasks.start(.package) { _, _ in
                defer { package.discard() }
                return Self.answer(kind) { .packageImported(try store.importPackage(package, reference: reference)) }
            }
        default:
            break
        }
        return []
    }

    /// The last message of a background task's work, or of the error that stopped it.
    private static func answer(_ kind: EffectKind, _ work: () throws -> Msg?) -> Msg? {
        do {
            return try work()
        } catch let error as HashingError {
            return .hashingFailed(error)
        } catch is CancellationError {
            // Stopped because the desk is ending: nobody waits for the answer.
            return nil
        } catch let error as DeskError {
            return .failed(error, during: kind)
        } catch {
            return .failed(.writeFailed(String(describing: error)), during: kind)
        }
    }

    /// A name typed into the desk, where no shell expands `~`: `~` and `~/…` stand for `HOME`.
    static func expandingHome(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return HomeFolder.path() + path.dropFirst()
    }
}