import DeskStore

/// The progress dialog shown while files are hashed in the background: what the last progress
/// report said, and whether the officer asked to cancel.
public struct HashingDialogState: Equatable, Sendable {
    /// The file or folder as the officer typed it.
    public var path: String
    public var progress: HashProgress?
    /// Esc was pressed; the dialog waits for the hashing thread to stop.
    public var isCancelling = false

    public init(path: String, progress: HashProgress? = nil) {
        self.path = path
        self.progress = progress
    }
}
