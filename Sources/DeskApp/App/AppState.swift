import DeskCore
import Foundation

/// The whole desk as one value: which pages are open, what each shows, the dialog on top and
/// the message line. ``update(_:_:)`` changes it and ``view(_:into:)`` draws it; nothing else
/// does either, so every behaviour can be tested by feeding messages and reading fields.
public struct AppState: Sendable {
    public let context: DeskContext
    public var width: Int
    public var height: Int
    /// The runner's "now", delivered by ``Msg/tick(_:)``; never read from a clock here.
    public var now: Date
    /// Open pages, bottom first; the desk (home) is always at the bottom.
    public var pages: [Page] = [.home]
    public var home = HomeState()
    public var list = ListState()
    public var detail: DetailState?
    public var form: RequestFormState?
    public var help = HelpState()
    public var evidenceForm: EvidenceFormState?
    public var evidenceItem: EvidenceItemState?
    /// What the check of the case file at opening found, when it found a problem.
    public var banner: DeskBanner?
    public var draft: DraftViewerState?
    public var reports = ReportsState()
    /// The checked package on the import screen.
    public var packageImport: PackageImportState?
    /// How many package checks were started; the latest one's number is the only one whose
    /// answer is still awaited, so a late answer to an abandoned check is recognised.
    public var packageChecks = 0
    /// A modal dialog over the page; it holds the keyboard until closed.
    public var dialog: Dialog?
    public var message: DeskMessage?
    /// Set when the officer quit; the runner stops.
    public var isFinished = false

    public init(context: DeskContext, width: Int, height: Int, now: Date) {
        self.context = context
        self.width = width
        self.height = height
        self.now = now
    }

    /// What the desk asks for when it opens.
    public static let startEffects: [Effect] = [.loadOverview, .verifyDesk]

    public var page: Page { pages.last ?? .home }

    /// The key table that answers the next key.
    public var scope: KeyScope {
        if let dialog { return dialog.scope }
        switch page {
        case .home: return .home
        case .list: return list.isEditingFilter ? .filter : .list
        case .detail:
            switch detail?.section {
            case .checklist: return .checklist
            case .evidence: return .evidence
            default: return .detail
            }
        case .form, .evidenceForm: return .form
        case .help: return .help
        case .evidenceItem: return .evidenceItem
        case .draft: return .draft
        case .reports: return .reports
        case .packageImport: return .packageImport
        }
    }

    /// The size the layout is computed for.
    public var layout: DeskLayout { DeskLayout(width: width, height: height, bannerRows: banner == nil ? 0 : 1) }
}
