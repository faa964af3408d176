import Foundation

/// A modal question over the current page. While one is open it holds the keyboard alone.
public enum Dialog: Equatable, Sendable {
    /// "Discard your changes?" before leaving a changed form or quitting.
    case discard(DiscardReason)
    /// A save was refused because someone else saved first.
    case conflict(ConflictInfo)
    case status(StatusDialogState)
    /// Files are being hashed in the background; Esc cancels.
    case hashing(HashingDialogState)
    /// One line of text asked for: a checklist reason or note, a file name.
    case prompt(PromptState)
    /// The document templates that fit a request.
    case templates(TemplatePickerState)
    /// A package folder is copied and checked in the background; Esc stops waiting. `check`
    /// is the number of the check, which its answer carries.
    case checkingPackage(folder: String, check: Int)
    /// "Apply N added, M updated from SENDER?" on the import screen.
    case confirmPackage
    /// The package on the import screen is applied in the background; no key stops it.
    case applyingPackage
    /// Something the officer must read before going on, such as why a package was refused.
    case notice(NoticeState)

    /// Whether closing the dialog would lose text the officer typed into it.
    public var holdsTypedText: Bool {
        switch self {
        case .prompt(let prompt): prompt.field.text != prompt.original
        case .status(let status): !status.note.text.isEmpty
        default: false
        }
    }

    /// Whether closing it (Esc) would lose something the officer wrote for the record — a
    /// reason, a note — rather than a path typed to be used at once, which Esc simply drops.
    public var holdsWriting: Bool {
        switch self {
        case .prompt(let prompt):
            switch prompt.purpose {
            case .notApplicableReason, .itemNote: holdsTypedText
            case .draftFile, .packageFolder: false
            }
        default: holdsTypedText
        }
    }

    public var scope: KeyScope {
        switch self {
        case .discard: .confirm
        case .conflict: .conflict
        case .status: .status
        case .hashing: .hashing
        case .prompt: .prompt
        case .templates: .templates
        case .checkingPackage: .packageCheck
        case .confirmPackage: .confirm
        case .applyingPackage: .busy
        case .notice: .notice
        }
    }
}

/// What the officer was about to do when asked whether to discard changes.
public enum DiscardReason: Equatable, Sendable {
    case leaveForm
    case quit
    /// Quitting from `dialog`, which holds text the officer typed; answering no returns to it.
    indirect case quitOver(Dialog)
    /// Closing `dialog` (Esc) with text the officer typed in it; answering no returns to it.
    indirect case closeOver(Dialog)
}

/// Who saved the request first, and when: what the conflict dialog tells the officer.
public struct ConflictInfo: Equatable, Sendable {
    public var requestID: UUID
    public var reference: String
    public var changedBy: String
    public var changedAt: Date

    public init(requestID: UUID, reference: String, changedBy: String, changedAt: Date) {
        self.requestID = requestID
        self.reference = reference
        self.changedBy = changedBy
        self.changedAt = changedAt
    }
}
