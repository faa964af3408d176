/// The names a package folder may hold. Anything else in the folder refuses the package, so a
/// package cannot smuggle a file in beside what its signed manifest lists.
enum PackageLayout {
    static let manifest = "manifest.json"
    static let signature = "manifest.sig"
    static let payloadFolder = "payload"
    static let requestsName = "requests.json"
    static let requestsPath = "payload/requests.json"
    static let blobsFolder = "blobs"
    static let signatureBytes = 64

    static func blobPath(_ digest: String) -> String {
        "\(blobsFolder)/\(digest)"
    }

    /// A blob's file name: its SHA-256 as 64 lower-case hex digits, nothing else.
    static func isDigest(_ name: String) -> Bool {
        name.utf8.count == 64 && name.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
