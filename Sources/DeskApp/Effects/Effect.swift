import DeskCore
import Foundation

/// Work ``update(_:_:)`` asks for, as data: the runner carries it out against the case file
/// and answers with a ``Msg``. Keeping it data lets tests check what would happen without a
/// database.
public enum Effect: Equatable, Sendable {
    /// Figures for the home screen, as of the runner's clock.
    case loadOverview
    /// How many requests match; answered by ``Msg/countLoaded(_:_:)``.
    case count(RequestQuery)
    /// One or more adjacent pages of list rows, in one query; answered by
    /// ``Msg/pageLoaded(_:offset:limit:rows:)``.
    case loadPage(RequestQuery, offset: Int, limit: Int)
    /// A request with its attachments and audit trail, for the given use.
    case loadDetails(UUID, purpose: DetailsPurpose)
    case create(Request)
    case save(Request)
    case changeStatus(StatusChangeOrder)
    /// Records that the deadline of rule `ruleID` was extended; answered by ``Msg/extensionGranted(_:)``.
    case grantExtension(UUID, ruleID: String)
    case quit
    /// Runs the check at opening (`verifyAtOpen`) in the background; answered by ``Msg/deskVerified(_:)``.
    case verifyDesk
    case recordExchange(EvidenceExchange)
    /// An item without a file; answered by ``Msg/evidenceSaved(_:)``.
    case addItem(EvidenceItem)
    /// Hashes a file or folder in the background into new items of the template's exchange,
    /// posting ``Msg/hashProgress(_:)`` until ``Msg/evidenceSaved(_:)`` or ``Msg/hashingFailed(_:)``.
    case hashItems(EvidenceItem, path: String)
    /// Hashes a file in the background for an item recorded without one.
    case attachFile(itemID: UUID, path: String)
    case appendCustody(CustodyEvent)
    /// An item's custody events; answered by ``Msg/timelineLoaded(_:_:)``.
    case loadTimeline(UUID)
    /// Stops the background task in that slot; the task answers when it has stopped.
    case cancel(BackgroundJob)
    case changeChecklist(ChecklistOrder)
    /// Writes a draft to the officer's file (never over an existing one) and records it.
    case writeDraft(DraftWriteOrder)
    /// The figures of the Reports screen for a period, from `from` (nil: everything) up to now.
    case loadReport(ReportPeriod, from: Date?)
    /// Copies the package folder into staging and checks it in the background; answered by
    /// ``Msg/packageStaged(id:preview:check:)`` or a failure, both naming the check's number,
    /// and by nothing once the officer stopped waiting. A refusal is recorded in the audit trail.
    case stagePackage(folder: String, check: Int)
    /// Applies the staged package in the background; answered by ``Msg/packageImported(_:)``
    /// or a failure. The staged copy is discarded either way.
    case importPackage(id: UUID)
    /// Removes a staged copy that will not be imported.
    case discardPackage(id: UUID)

    /// The kind of work, named in failure messages so update knows what did not happen.
    public var kind: EffectKind {
        switch self {
        case .loadOverview: .overview
        case .count, .loadPage: .list
        case .loadDetails(_, let purpose): .details(purpose)
        case .create, .save: .save
        case .changeStatus, .grantExtension: .statusChange
        case .quit: .quit
        case .verifyDesk: .verify
        case .recordExchange, .addItem, .hashItems, .attachFile, .appendCustody: .evidence
        case .loadTimeline: .timeline
        case .cancel: .cancel
        case .changeChecklist: .checklist
        case .writeDraft: .draftWrite
        case .loadReport: .report
        case .stagePackage(_, let check): .packageCheck(check: check)
        case .importPackage: .packageImport
        case .discardPackage: .cancel
        }
    }
}

/// Why a request's details are loaded: to show them, to edit them, or to change the status.
public enum DetailsPurpose: Equatable, Sendable {
    case view
    case edit
    case status
    /// After a version conflict, to start the form again from what is stored now.
    case reloadForm
    /// To offer the document templates that fit it.
    case draft
}

/// What kind of effect failed.
public enum EffectKind: Equatable, Sendable {
    case overview
    case list
    case details(DetailsPurpose)
    case save
    case statusChange
    case quit
    case verify
    case evidence
    case timeline
    case cancel
    case checklist
    case draftWrite
    case report
    /// Package check number `check`: its failure counts only while that check is awaited.
    case packageCheck(check: Int)
    case packageImport
}

/// A status change as the officer confirmed it in the dialog.
public struct StatusChangeOrder: Equatable, Sendable {
    public var id: UUID
    public var reference: String
    public var expectedVersion: Int
    public var target: RequestStatus
    public var note: String
    public var ground: RefusalGroundID?
    /// When the step happened, if not now.
    public var at: Date?
    /// How the request went, for a transmission.
    public var channel: ChannelID?

    public init(id: UUID, reference: String, expectedVersion: Int, target: RequestStatus, note: String,
                ground: RefusalGroundID?, at: Date? = nil, channel: ChannelID? = nil) {
        self.id = id
        self.reference = reference
        self.expectedVersion = expectedVersion
        self.target = target
        self.note = note
        self.ground = ground
        self.at = at
        self.channel = channel
    }
}
