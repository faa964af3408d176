import DeskCore
import DeskStore
import Foundation
import TermUI

/// Everything that can change the desk's state: a named action from a key, raw input for the
/// focused text widget, a new terminal size, the time, or the answer to an ``Effect``.
public enum Msg: Equatable, Sendable {
    case action(DeskAction)
    /// A key for the focused text field, text area, choice list or filter line.
    case input(KeyEvent)
    case resize(width: Int, height: Int)
    /// The runner's clock moved on; dates such as "today" and "overdue" follow it.
    case tick(Date)

    case overviewLoaded(DeskOverview)
    case countLoaded(RequestQuery, Int)
    case pageLoaded(RequestQuery, offset: Int, limit: Int, rows: [RequestSummary])
    case detailsLoaded(RequestDetails, audit: [AuditEntry], purpose: DetailsPurpose)
    case saved(Request)
    case statusChanged(Request)
    /// A deadline's extension was recorded on the request.
    case extensionGranted(Request)
    case failed(DeskError, during: EffectKind)

    /// The check of the case file run when the desk opened has finished.
    case deskVerified(VerifyReport)
    case evidenceSaved(EvidenceSaved)
    /// How far the background hashing is.
    case hashProgress(HashProgress)
    /// Hashing stopped before anything was recorded: cancelled, or a file could not be read.
    case hashingFailed(HashingError)
    case timelineLoaded(UUID, [CustodyEvent])
    case checklistChanged(ChecklistItem, requestID: UUID)
    case draftWritten(DraftWriteOrder)
    case reportLoaded(ReportModel, period: ReportPeriod)
    /// Check number `check` copied and checked a package; `id` names its staged copy in effects.
    case packageStaged(id: UUID, preview: PackagePreview, check: Int)
    /// Check number `check` did not start: a check the officer stopped waiting for is still
    /// copying its package. Nothing was refused; the officer tries again later.
    case packageCheckBusy(check: Int)
    /// A package was applied; the preview says what was done.
    case packageImported(PackagePreview)
}
