extension HashDigest.Algorithm {
    /// The name officers and coreutils' `--tag` output use (`SHA256`, `SHA1`, `MD5`).
    public var label: String {
        switch self {
        case .sha256: "SHA256"
        case .sha1: "SHA1"
        case .md5: "MD5"
        }
    }
}
