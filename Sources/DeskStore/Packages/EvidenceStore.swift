import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The folder beside the desk (`<desk>.evidence/`, 0700) where evidence files received in
/// packages are kept, each named by its SHA-256 so that the name itself proves the content
/// and the same file received twice is stored once.
struct EvidenceStore {
    static let suffix = ".evidence"
    let folder: String

    /// The folder's path is absolute: items record where their file lies, and a path relative
    /// to the folder a command ran in would lead nowhere from any other.
    init(deskPath: String) {
        folder = AbsolutePath.of(deskPath) + Self.suffix
    }

    func path(of digest: String) -> String {
        "\(folder)/\(digest)"
    }

    /// True when a file with this digest is stored and still hashes to it.
    func holds(_ digest: String) -> Bool {
        (try? PrivateFiles.measure(path(of: digest)))?.sha256 == digest
    }

    /// Moves a staged, verified file into the store (same file system, so a rename). A stored
    /// file that no longer hashes to its name is replaced by the good copy.
    func place(staged: String, digest: String) throws {
        try DeskFileGuard.createPrivateDirectories(folder)
        let target = path(of: digest)
        if holds(digest) {
            unlink(staged)
            return
        }
        guard rename(staged, target) == 0 else {
            throw DeskError.writeFailed("the evidence file \(digest) could not be stored in \(folder) (\(PrivateFiles.reason()))")
        }
        PrivateFiles.syncDirectory(folder)
    }
}
