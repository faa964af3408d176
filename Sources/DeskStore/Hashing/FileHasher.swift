import Crypto
import DeskCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Streams files through SHA-256 (and MD5 / SHA-1 when a counterpart declared them) in constant
/// memory, fast enough for disk images of tens of gigabytes.
///
/// One buffer of ``chunkSize`` bytes is allocated per run and filled with `read(2)`; the hash
/// functions read straight from it, so no chunk is ever copied. Progress is reported at most every
/// ``progressInterval`` seconds (and once at the end); a ``Cancellation`` is checked between
/// chunks. Synchronous by design: the desk runs it on a background thread and keeps its input
/// loop free.
public struct FileHasher: Sendable {
    /// Large enough that per-call overhead vanishes, small enough to stay in cache-friendly reads.
    public static let defaultChunkSize = 4 << 20

    /// In the order SHA-256, SHA-1, MD5; SHA-256 alone when none is given.
    public let algorithms: [HashDigest.Algorithm]
    public let chunkSize: Int
    public let progressInterval: Duration

    public init(algorithms: [HashDigest.Algorithm] = [.sha256], chunkSize: Int = defaultChunkSize,
                progressInterval: Duration = .milliseconds(100)) {
        let chosen = HashDigest.Algorithm.allCases.filter(algorithms.contains)
        self.algorithms = chosen.isEmpty ? [.sha256] : chosen
        self.chunkSize = max(1 << 20, chunkSize)
        self.progressInterval = progressInterval
    }

    /// Hashes `files` in order as one run (progress covers them all). `followingLinks` is for a
    /// path the officer typed; files found in a folder are opened without following links.
    /// - Parameter failed: when given, a file that cannot be hashed is handed to it and the run
    ///   goes on with the next (as `sha256sum` does); without it the first such file ends the run.
    ///   A cancellation always ends it.
    public func hash(_ files: [RawPath], followingLinks: Bool = false, cancellation: Cancellation? = nil,
                     progress: ((HashProgress) -> Void)? = nil,
                     failed: ((HashingError) -> Void)? = nil) throws -> [FileDigest] {
        let sizes = files.map(Self.sizeIfRegular)
        var run = Run(hasher: self, total: sizes.reduce(0) { $0 + ($1 ?? 0) }, fileCount: files.count,
                      cancellation: cancellation, progress: progress)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 4096)
        defer { buffer.deallocate() }
        run.currentFile = files.first ?? RawPath(bytes: [])
        run.report(force: true)
        var results: [FileDigest] = []
        for (index, path) in files.enumerated() {
            do {
                results.append(try run.hash(path, index: index, followingLinks: followingLinks, buffer: buffer))
            } catch let error as HashingError where error != .cancelled {
                guard let failed else { throw error }
                failed(error)
            }
        }
        run.report(force: true)
        return results
    }

    /// Hashes one file the officer named.
    public func hash(_ file: RawPath, cancellation: Cancellation? = nil,
                     progress: ((HashProgress) -> Void)? = nil) throws -> FileDigest {
        try hash([file], followingLinks: true, cancellation: cancellation, progress: progress)[0]
    }

    private static func sizeIfRegular(_ path: RawPath) -> Int64? {
        var info = stat()
        guard path.withCString({ stat($0, &info) }) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int64(info.st_size)
    }

    /// The state of one run: bytes so far, the clock, when progress was last reported.
    private struct Run {
        let hasher: FileHasher
        let total: Int64
        let fileCount: Int
        let cancellation: Cancellation?
        let progress: ((HashProgress) -> Void)?
        let started = ContinuousClock.now
        var lastReport = ContinuousClock.now
        var done: Int64 = 0
        var fileIndex = 0
        var currentFile = RawPath(bytes: [])

        init(hasher: FileHasher, total: Int64, fileCount: Int, cancellation: Cancellation?,
             progress: ((HashProgress) -> Void)?) {
            self.hasher = hasher
            self.total = total
            self.fileCount = fileCount
            self.cancellation = cancellation
            self.progress = progress
        }

        mutating func hash(_ path: RawPath, index: Int, followingLinks: Bool,
                           buffer: UnsafeMutableRawBufferPointer) throws -> FileDigest {
            fileIndex = index
            currentFile = path
            try checkCancelled()
            let flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followingLinks ? 0 : O_NOFOLLOW)
            let fd = path.withCString { open($0, flags) }
            guard fd >= 0 else { throw HashingError.cannotOpen(path, reason: String(cString: strerror(errno))) }
            defer { close(fd) }
            var before = stat()
            guard fstat(fd, &before) == 0 else { throw HashingError.readFailed(path, reason: String(cString: strerror(errno))) }
            guard before.st_mode & S_IFMT == S_IFREG else {
                throw HashingError.notARegularFile(path, kind: FileKind.name(before.st_mode))
            }
            _ = posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_SEQUENTIAL))
            var functions = HashFunctions(hasher.algorithms)
            var size: Int64 = 0
            while true {
                try checkCancelled()
                let count = read(fd, buffer.baseAddress, buffer.count)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw HashingError.readFailed(path, reason: String(cString: strerror(errno)))
                }
                if count == 0 { break }
                functions.update(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                size += Int64(count)
                done += Int64(count)
                report(force: false)
            }
            var after = stat()
            guard fstat(fd, &after) == 0, after.st_size == before.st_size, size == Int64(before.st_size),
                after.st_mtim.tv_sec == before.st_mtim.tv_sec, after.st_mtim.tv_nsec == before.st_mtim.tv_nsec
            else { throw HashingError.changedWhileHashing(path) }
            return FileDigest(path: path, size: size, digests: functions.finalize())
        }

        func checkCancelled() throws {
            if cancellation?.isCancelled == true { throw HashingError.cancelled }
        }

        mutating func report(force: Bool) {
            guard let progress else { return }
            let now = ContinuousClock.now
            guard force || now - lastReport >= hasher.progressInterval else { return }
            lastReport = now
            let elapsed = (now - started) / .seconds(1)
            progress(HashProgress(
                bytesDone: done, totalBytes: max(total, done), bytesPerSecond: elapsed > 0 ? Double(done) / elapsed : 0,
                fileIndex: fileIndex, fileCount: fileCount, currentFile: currentFile))
        }
    }
}

/// The running hash functions of one file.
private struct HashFunctions {
    var sha256: SHA256?
    var sha1: Insecure.SHA1?
    var md5: Insecure.MD5?

    init(_ algorithms: [HashDigest.Algorithm]) {
        if algorithms.contains(.sha256) { sha256 = SHA256() }
        if algorithms.contains(.sha1) { sha1 = Insecure.SHA1() }
        if algorithms.contains(.md5) { md5 = Insecure.MD5() }
    }

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        sha256?.update(bufferPointer: bytes)
        sha1?.update(bufferPointer: bytes)
        md5?.update(bufferPointer: bytes)
    }

    func finalize() -> [HashDigest] {
        var digests: [HashDigest] = []
        if let sha256 { digests.append(HashDigest(algorithm: .sha256, value: Hex.encode(sha256.finalize()))) }
        if let sha1 { digests.append(HashDigest(algorithm: .sha1, value: Hex.encode(sha1.finalize()))) }
        if let md5 { digests.append(HashDigest(algorithm: .md5, value: Hex.encode(md5.finalize()))) }
        return digests
    }
}
