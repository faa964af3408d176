/// How far a hashing run is, reported a few times a second for a progress bar.
public struct HashProgress: Sendable, Hashable {
    /// Bytes hashed so far, over all files of the run.
    public var bytesDone: Int64
    /// Bytes of all files of the run, as their sizes were when the run started.
    public var totalBytes: Int64
    /// Average rate since the run started.
    public var bytesPerSecond: Double
    /// The file being hashed, counted from 0, and how many the run has.
    public var fileIndex: Int
    public var fileCount: Int
    public var currentFile: RawPath

    public init(bytesDone: Int64, totalBytes: Int64, bytesPerSecond: Double, fileIndex: Int, fileCount: Int,
                currentFile: RawPath) {
        self.bytesDone = bytesDone
        self.totalBytes = totalBytes
        self.bytesPerSecond = bytesPerSecond
        self.fileIndex = fileIndex
        self.fileCount = fileCount
        self.currentFile = currentFile
    }

    /// 0 … 1; a run with nothing to hash is complete.
    public var fraction: Double {
        totalBytes > 0 ? min(1, Double(bytesDone) / Double(totalBytes)) : 1
    }

    /// Seconds left at the average rate so far; nil until there is a rate.
    public var secondsLeft: Double? {
        guard bytesPerSecond > 0 else { return nil }
        return Double(max(0, totalBytes - bytesDone)) / bytesPerSecond
    }
}
