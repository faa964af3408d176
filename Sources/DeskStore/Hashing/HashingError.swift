/// Why a file could not be hashed, worded for the officer and naming the file.
public enum HashingError: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotOpen(RawPath, reason: String)
    /// A FIFO, device, socket or folder where a regular file was needed.
    case notARegularFile(RawPath, kind: String)
    case readFailed(RawPath, reason: String)
    /// The size or modification time changed during hashing: the digest describes no real state.
    case changedWhileHashing(RawPath)
    case cancelled

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason): "\(path.display) cannot be opened: \(reason)"
        case let .notARegularFile(path, kind): "\(path.display) is \(kind), not a regular file"
        case let .readFailed(path, reason): "\(path.display) could not be read: \(reason)"
        case let .changedWhileHashing(path): "\(path.display) changed while it was being hashed; hash it again"
        case .cancelled: "hashing was cancelled; nothing was recorded"
        }
    }
}
