import DeskCore
import Foundation
import TermUI

/// A small dialog asking for one line of text, and what the answer is for.
public struct PromptState: Equatable, Sendable {
    /// What happens with the text once accepted.
    public enum Purpose: Equatable, Sendable {
        /// Why a checklist item does not apply; an empty reason is refused.
        case notApplicableReason(requestID: UUID, seen: ChecklistItem)
        /// A checklist item's note; empty clears it.
        case itemNote(requestID: UUID, seen: ChecklistItem)
        /// Where the draft on show is written.
        case draftFile
        /// The exchange package folder to import; empty cancels.
        case packageFolder
    }

    public var title: String
    public var question: String
    public var field: TextFieldState
    /// The text the dialog opened with, so that quitting asks only when the officer changed it.
    public let original: String
    public var purpose: Purpose
    /// Why the last answer was refused, in words.
    public var error: String?

    public init(title: String, question: String, text: String = "", purpose: Purpose) {
        self.title = title
        self.question = question
        self.field = TextFieldState(text)
        self.field.cursor = text.count
        self.original = text
        self.purpose = purpose
    }
}
