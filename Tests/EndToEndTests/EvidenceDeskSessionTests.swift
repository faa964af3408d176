import DeskTestSupport
import Foundation
import Testing

/// Recording evidence through the full-screen desk: the real binary under tmux records a
/// received exchange, hashes a file into an item, and shows its SHA-256; the command line then
/// lists the same hash.
@Suite("Evidence in the full-screen desk under tmux", .serialized)
struct EvidenceDeskSessionTests {
    @Test("Record a received exchange with a file and see its SHA-256 on screen and in the CLI")
    func recordReceivedExchangeWithAFile() throws {
        let folder = try TemporaryDirectory("evidence-desk")
        let cli = CommandRunner(database: folder.path("desk.sqlite"))
        let filled = try cli.run(["demo", "--count", "20", "--seed", "3", "--as-of", "2026-11-29"])
        #expect(filled.status == 0, "\(filled.stderr)")
        let listed = try cli.run(["list", "--format", "json", "--limit", "1", "--direction", "out"])
        let rows = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]]
        let reference = try #require(rows?.first?["reference"] as? String)

        // 3 MiB of varied bytes: big enough to be more than one read, and a known SHA-256
        // computed here independently of the program (sha256sum).
        let file = folder.path("inbox/mailbox export.bin")
        try FileManager.default.createDirectory(atPath: folder.path("inbox"), withIntermediateDirectories: true)
        let bytes = (0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let sha256 = try Self.sha256sum(file)
        #expect(sha256.count == 64)

        var environment = cli.environment
        environment["TERM"] = "xterm-256color"
        let desk = try TmuxSession(arguments: [], environment: environment, width: 100, height: 30)
        try desk.listOnly(reference)
        try desk.press("Enter")
        try desk.waitFor("1 Summary")
        try desk.press("4")
        try desk.waitFor("Exchange")
        try desk.press("x")
        try desk.waitFor("Record an evidence exchange")
        try desk.moveTo("Transmittal reference")
        try desk.type("T-TMUX-1")
        try desk.press("C-s")
        try desk.waitFor("Recorded exchange")
        try desk.waitFor("T-TMUX-1")

        try desk.press("i")
        try desk.waitFor("Add an item to exchange")
        try desk.moveTo("Description")
        try desk.type("Mailbox export")
        try desk.moveTo("File/folder to hash")
        try desk.type(file)
        try desk.press("C-s")
        try desk.waitFor("Recorded item")
        try desk.waitFor("SHA-256 \(sha256.prefix(12))…")
        try desk.press("Enter")
        try desk.waitFor("Custody timeline")
        let itemView = try desk.waitFor(sha256)
        #expect(itemView.contains("SHA256 computed"))
        try desk.leaveToHomeAndQuit()
        try desk.waitForExit()

        let evidence = try cli.run(["evidence", "list", reference])
        #expect(evidence.status == 0, "\(evidence.stderr)")
        #expect(evidence.stdout.contains("computed SHA256 \(sha256)"))
        #expect(evidence.stdout.contains("received"))
        #expect(evidence.stdout.contains("T-TMUX-1"))
        #expect(try cli.run(["verify"]).stdout.contains("chain intact"))
    }

    private static func sha256sum(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(String(decoding: data, as: UTF8.self).prefix(64))
    }
}
