import DeskCore
import Foundation

/// A rendered draft on show, and how far it is scrolled.
public struct DraftViewerState: Equatable, Sendable {
    public var requestID: UUID
    public var reference: String
    public var draft: Draft
    public var scroll = 0
    /// The file the draft is being written to, so a refused name is asked for again as typed.
    public var writingTo: String?
    /// Files written from this viewer, so the next name offered is not one already taken.
    public var filesWritten = 0

    public init(requestID: UUID, reference: String, draft: Draft) {
        self.requestID = requestID
        self.reference = reference
        self.draft = draft
    }

    /// What the file is called unless the officer says otherwise: `OUT-2026-0042-preservation_request.txt`,
    /// then `…-2.txt` once that was written.
    public var defaultFileName: String {
        "\(reference)-\(draft.template.name)\(filesWritten == 0 ? "" : "-\(filesWritten + 1)").\(draft.template.format.fileExtension)"
    }
}
