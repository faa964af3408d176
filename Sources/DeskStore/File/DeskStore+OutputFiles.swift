import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension DeskStore {
    /// Writes a draft or an export for the officer (``SafeFileWriter``), refusing any name that
    /// is one of the desk's own files: `--out desk.sqlite --replace` would otherwise put a letter
    /// in place of the whole case file, or of its signing key, and say it had succeeded.
    public func writeOutputFile(_ data: Data, to path: String, replacing: Bool) throws {
        if let role = ownFileRole(of: path) {
            throw DeskError.writeFailed("\(path) is \(role); it was left as it was and nothing was written. Give another name")
        }
        try SafeFileWriter.write(data, to: path, replacing: replacing)
    }

    /// What `path` is to this desk when it names one of the desk's own files (through a link,
    /// another spelling of its folder or a second hard link to any of them too), else nil.
    func ownFileRole(of path: String) -> String? {
        let target = Self.canonical(path)
        let desk = Self.canonical(self.path)
        let roles = [
            ("", "the desk file itself"), ("-wal", "the desk's write-ahead log"), ("-shm", "the desk's shared-memory index"),
            ("-journal", "the desk's journal"), (SigningKeyFile.suffix, "the desk's signing key"),
        ]
        if let role = roles.first(where: { target == desk + $0.0 }) { return role.1 }
        if target.hasPrefix(desk + EvidenceStore.suffix + "/") { return "in the desk's evidence store" }
        var out = stat()
        guard stat(path, &out) == 0 else { return nil }
        return roles.first { suffix, _ in
            var own = stat()
            return stat(self.path + suffix, &own) == 0 && out.st_dev == own.st_dev && out.st_ino == own.st_ino
        }?.1
    }

    /// The absolute path with every link resolved: the whole path when it exists, else its
    /// folder's, with the last name as written.
    private static func canonical(_ path: String) -> String {
        let absolute = AbsolutePath.joined(path)
        if let real = realpath(absolute, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        let folder = (absolute as NSString).deletingLastPathComponent
        let name = (absolute as NSString).lastPathComponent
        guard let real = realpath(folder, nil) else { return (absolute as NSString).standardizingPath }
        defer { free(real) }
        return (String(cString: real) as NSString).appendingPathComponent(name)
    }
}
