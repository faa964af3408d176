import ArgumentParser
import DeskCore
import DeskStore
import Foundation

/// `mladesk hash`: the desk's hashing on any file, printing what `sha256sum` would, so an
/// officer can check a counterpart's declaration before recording anything.
struct HashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash", abstract: "Print the SHA-256 (or MD5, SHA-1) of files, as sha256sum does (files and folders, not standard input).",
        discussion: """
            With one algorithm each line is `<hex>  <file>`, as sha256sum, md5sum or sha1sum print it; \
            with several, `SHA256 (<file>) = <hex>` as their --tag option prints. A folder is hashed \
            file by file, recursively, in byte order, without following links. Needs no desk. \
            A file that cannot be hashed is named and the others are still printed; exit 1 then.
            """)

    @Argument(help: "Files or folders to hash.") var paths: [String]
    @Option(help: "Comma-separated: sha256, md5, sha1.") var algorithm = AlgorithmList(argument: "sha256")!
    @Option(help: OutputFormat.help) var format: OutputFormat = .text

    func validate() throws {
        if paths.contains("-") {
            throw ValidationError("hash reads files and folders, not standard input (-); save the data to a file first")
        }
    }

    func run() throws {
        let hasher = FileHasher(algorithms: algorithm.algorithms)
        let progress = HashProgressLine()
        var results: [FileDigest] = []
        var failures = 0
        for path in RawArguments.paths(paths) {
            do {
                let tree = try FileTree.scan(path)
                for skipped in tree.skipped {
                    complain("\(skipped.path.display): skipped, \(skipped.reason)")
                    if skipped.isUnreadable { failures += 1 }
                }
                var unhashed: [HashingError] = []
                let digests = try hasher.hash(tree.files, followingLinks: tree.rootIsFile, progress: progress.update,
                                              failed: { unhashed.append($0) })
                progress.finish()
                unhashed.forEach { complain($0.description) }
                failures += unhashed.count
                if format == .text { digests.forEach(printLine) }
                results += digests
            } catch let error as HashingError {
                progress.finish()
                complain(error.description)
                failures += 1
            }
        }
        if format == .json {
            print(try TextOutput.json(results.map(HashedFile.init)))
        }
        if failures > 0 { throw ExitCode(1) }
    }

    private func printLine(_ digest: FileDigest) {
        let name = CoreutilsName(digest.path)
        let single = algorithm.algorithms.count == 1
        for wanted in algorithm.algorithms {
            guard let value = digest.digest(wanted)?.value else { continue }
            print(single ? "\(name.prefix)\(value)  \(name.text)" : "\(name.prefix)\(wanted.label) (\(name.text)) = \(value)")
        }
    }

    private func complain(_ message: String) {
        FileHandle.standardError.write(Data("mladesk: \(TextOutput.safe(message))\n".utf8))
    }
}

/// A file name written as coreutils writes it: when the name has a backslash or a line break,
/// those are escaped and the line starts with a backslash. Bytes that are not UTF-8 show as `\xNN` and
/// control or invisible characters visibly, so a hostile name cannot act on the terminal.
struct CoreutilsName {
    var prefix: String
    var text: String

    init(_ path: RawPath) {
        let backslash = UInt8(ascii: "\\")
        let needsEscape = path.bytes.contains { $0 == backslash || $0 == 0x0A || $0 == 0x0D }
        var escaped: [UInt8] = []
        for byte in path.bytes {
            switch byte {
            case backslash where needsEscape: escaped += [backslash, backslash]
            case 0x0A: escaped += [backslash, UInt8(ascii: "n")]
            case 0x0D: escaped += [backslash, UInt8(ascii: "r")]
            default: escaped.append(byte)
            }
        }
        prefix = needsEscape ? "\\" : ""
        text = TextOutput.safe(RawPath(bytes: escaped).display)
    }
}

/// One line of `hash --format json`.
struct HashedFile: Encodable {
    var path: String
    var size: Int64
    var sha256: String?
    var sha1: String?
    var md5: String?

    init(_ digest: FileDigest) {
        path = digest.path.display
        size = digest.size
        sha256 = digest.digest(.sha256)?.value
        sha1 = digest.digest(.sha1)?.value
        md5 = digest.digest(.md5)?.value
    }
}
