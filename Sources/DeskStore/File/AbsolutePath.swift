import Foundation

/// A path as the audit trail and the evidence store keep it: whole, from the root, so it still
/// says where a file was when read later from another folder.
enum AbsolutePath {
    static func of(_ path: String) -> String {
        (joined(path) as NSString).standardizingPath
    }

    /// The path from the root with `..` left as written, for the kernel to resolve: through a
    /// link to a folder, `link/..` is not the folder the link sits in.
    static func joined(_ path: String) -> String {
        path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
    }
}
