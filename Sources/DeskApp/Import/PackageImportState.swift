import DeskStore
import Foundation

/// The import screen: a checked package waiting for the officer to apply it or put it away.
public struct PackageImportState: Equatable, Sendable {
    /// Names the staged copy in ``Effect/importPackage(id:)`` and ``Effect/discardPackage(id:)``.
    public var stagingID: UUID
    public var preview: PackagePreview
    public var scroll = 0

    public init(stagingID: UUID, preview: PackagePreview) {
        self.stagingID = stagingID
        self.preview = preview
    }

    /// `Apply 1 added, 2 updated from Desk A?`, the sender named as this desk trusted its key.
    public var question: String {
        "Apply \(preview.added.count) added, \(preview.updated.count) updated from \(preview.senderLabel)?"
    }
}
