import DeskStore
import Foundation

/// The import screen: a checked package waiting for the officer to apply it or put it away.
public struct PackageImportState: Equatable, Sendable {
    /// Names the staged copy in ``Effect/importPackage(id:)`` and ``Effect/discardPackage(id:)``.
    public var stagingID: UUID
    /// The folder as the officer typed it.
    public var folder: String
    public var preview: PackagePreview
    public var scroll = 0

    public init(stagingID: UUID, folder: String, preview: PackagePreview) {
        self.stagingID = stagingID
        self.folder = folder
        self.preview = preview
    }

    /// The sender as this desk knows it: the name its key was trusted under.
    public var sender: String { preview.senderLabel }

    /// `Apply 1 added, 2 updated from Desk A?`
    public var question: String {
        "Apply \(preview.added.count) added, \(preview.updated.count) updated from \(sender)?"
    }
}
