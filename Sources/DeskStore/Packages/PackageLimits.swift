/// Bounds on what `import` copies from removable media before it has checked anything, so a
/// hostile or broken package cannot fill the disk or exhaust memory.
public struct PackageLimits: Sendable, Equatable {
    /// Largest `manifest.json`; it is read into memory whole.
    public var maxManifestBytes: Int64
    /// Most files in the package, all folders together.
    public var maxFiles: Int
    /// Most bytes in the package, all files together.
    public var maxTotalBytes: Int64

    public init(maxManifestBytes: Int64 = 1 << 20, maxFiles: Int = 10_000, maxTotalBytes: Int64 = 8 << 30) {
        self.maxManifestBytes = maxManifestBytes
        self.maxFiles = maxFiles
        self.maxTotalBytes = maxTotalBytes
    }
}
