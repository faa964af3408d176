import Foundation

/// Runs coreutils' `sha256sum`, `sha1sum` or `md5sum` on a file: the reference the desk's
/// hashes must equal.
enum Coreutils {
    static func digest(_ tool: String, _ path: String) throws -> String {
        try start(tool, path)()
    }

    /// Starts the tool and returns a function that waits for its digest, so a slow coreutils run
    /// on a large file overlaps the desk's own hashing.
    static func start(_ tool: String, _ path: String) throws -> () -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/\(tool)")
        process.arguments = [path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        return {
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
        }
    }
}
