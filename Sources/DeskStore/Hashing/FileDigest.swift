import DeskCore

/// The digests of one file as it was read, with the number of bytes read.
public struct FileDigest: Sendable, Hashable {
    public var path: RawPath
    public var size: Int64
    public var digests: [HashDigest]

    public init(path: RawPath, size: Int64, digests: [HashDigest]) {
        self.path = path
        self.size = size
        self.digests = digests
    }

    public func digest(_ algorithm: HashDigest.Algorithm) -> HashDigest? {
        digests.first { $0.algorithm == algorithm }
    }
}
