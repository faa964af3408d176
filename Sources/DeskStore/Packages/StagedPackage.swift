import Foundation

/// A package copied into private staging and checked through and through, with the preview of
/// what importing it would do. Nothing on the desk has changed yet: the import screen shows
/// ``preview`` and then calls ``DeskStore/importPackage(_:reference:recordRefusal:)`` or
/// ``discard()``. The staging folder is removed on discard, after an import, or when the value
/// is released, whichever comes first.
public final class StagedPackage: @unchecked Sendable {
    /// The package folder it was copied from.
    public let source: String
    public let preview: PackagePreview
    let staging: String
    let verified: PackageVerifier.Verified
    private let lock = NSLock()
    private var discarded = false

    init(source: String, preview: PackagePreview, staging: String, verified: PackageVerifier.Verified) {
        self.source = source
        self.preview = preview
        self.staging = staging
        self.verified = verified
    }

    deinit {
        discard()
    }

    /// Removes the staged copy; a discarded package cannot be imported.
    public func discard() {
        lock.withLock {
            guard !discarded else { return }
            discarded = true
            ScratchPaths.remove(staging)
        }
    }

    var isDiscarded: Bool {
        lock.withLock { discarded }
    }

    func stagedBlob(_ digest: String) -> String {
        "\(staging)/\(PackageLayout.blobPath(digest))"
    }
}
