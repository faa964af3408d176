import DeskCore
import DeskStore
import DeskTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("Streaming file hashes equal coreutils' and stop cleanly")
struct FileHasherTests {
    private func write(_ folder: TemporaryDirectory, _ name: String, size: Int) throws -> String {
        let path = folder.path(name)
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("SHA-256, SHA-1 and MD5 equal sha256sum, sha1sum and md5sum around the chunk size",
          arguments: [0, 1, 3, 1 << 20, (1 << 20) + 1, (4 << 20) + 17])
    func matchesCoreutils(size: Int) throws {
        let folder = try TemporaryDirectory("hash")
        let path = try write(folder, "file-\(size)", size: size)
        let hasher = FileHasher(algorithms: [.sha256, .sha1, .md5], chunkSize: 1 << 20)
        let digest = try hasher.hash(RawPath(path))
        #expect(digest.size == Int64(size))
        #expect(digest.digest(.sha256)?.value == (try Coreutils.digest("sha256sum", path)))
        #expect(digest.digest(.sha1)?.value == (try Coreutils.digest("sha1sum", path)))
        #expect(digest.digest(.md5)?.value == (try Coreutils.digest("md5sum", path)))
    }

    @Test("A 3 GiB sparse file hashes like sha256sum, in constant memory, with throttled progress")
    func sparseMultiGigabyte() throws {
        let folder = try TemporaryDirectory("sparse")
        let path = folder.path("sparse.img")
        let fd = open(path, O_CREAT | O_WRONLY, 0o600)
        #expect(fd >= 0)
        #expect(ftruncate(fd, 3 << 30) == 0)
        close(fd)
        let coreutils = try Coreutils.start("sha256sum", path)
        var reports: [HashProgress] = []
        let digest = try FileHasher().hash(RawPath(path)) { reports.append($0) }
        #expect(digest.size == 3 << 30)
        #expect(digest.digest(.sha256)?.value == coreutils())
        #expect(reports.last?.bytesDone == 3 << 30 && reports.last?.fraction == 1)
        #expect(reports.count < 3 << 30 / FileHasher.defaultChunkSize)
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.bytesDone <= $1.bytesDone })
    }

    @Test("Cancelling mid-file stops with .cancelled")
    func cancel() throws {
        let folder = try TemporaryDirectory("cancel")
        let path = try write(folder, "big", size: 8 << 20)
        let cancellation = Cancellation()
        var chunks = 0
        #expect(throws: HashingError.cancelled) {
            _ = try FileHasher(chunkSize: 1 << 20, progressInterval: .zero).hash(RawPath(path), cancellation: cancellation) { _ in
                chunks += 1
                if chunks == 2 { cancellation.cancel() }
            }
        }
        #expect(chunks == 2)
    }

    @Test("A folder lists regular files in byte order and skips links and FIFOs without following them")
    func folderWalk() throws {
        let folder = try TemporaryDirectory("tree")
        let root = folder.path("evidence")
        try FileManager.default.createDirectory(atPath: root + "/sub", withIntermediateDirectories: true)
        _ = try write(folder, "evidence/b.txt", size: 10)
        _ = try write(folder, "evidence/A.txt", size: 5)
        _ = try write(folder, "evidence/sub/c.bin", size: 7)
        _ = try write(folder, "outside.txt", size: 3)
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: folder.path("outside.txt"))
        #expect(mkfifo(root + "/pipe", 0o600) == 0)
        let tree = try FileTree.scan(RawPath(root))
        #expect(tree.files.map { $0.relative(to: RawPath(root)).display } == ["A.txt", "b.txt", "sub/c.bin"])
        #expect(Set(tree.skipped.map(\.reason)) == ["a symbolic link", "a FIFO"])
        #expect(!tree.rootIsFile)
        #expect(throws: HashingError.self) { try FileHasher().hash([RawPath(root + "/link")]) }
    }

    @Test("A name that is not UTF-8 is hashed and displayed with \\x escapes")
    func invalidUTF8Name() throws {
        let folder = try TemporaryDirectory("names")
        let path = RawPath(folder.path("")).appending([0x62, 0x61, 0x64, 0xFF, 0x0A, 0x2E, 0x62, 0x69, 0x6E])
        let fd = path.withCString { open($0, O_CREAT | O_WRONLY, 0o600) }
        #expect(fd >= 0)
        _ = Glibc.write(fd, "abc", 3)
        close(fd)
        let digest = try FileHasher().hash(path)
        #expect(digest.digest(.sha256)?.value == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(path.lastComponent.display == "bad\\xFF\n.bin")
        #expect(path.string == nil)
        #expect(try FileTree.scan(RawPath(folder.path))
            .files.map(\.bytes) == [path.bytes])
    }
}
