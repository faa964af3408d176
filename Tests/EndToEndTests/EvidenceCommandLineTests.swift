import DeskCore
import DeskStore
import DeskTestSupport
import Foundation
import Testing

@Suite("Evidence and hashing on the command line, run as a real process")
struct EvidenceCommandLineTests {
    private let abcSHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"

    /// A desk with one outgoing request, OUT-2026-0001.
    private func deskWithRequest(_ folder: TemporaryDirectory) throws -> CommandRunner {
        let store = try Fixtures.store(in: folder)
        _ = try store.create(Fixtures.request())
        try store.close()
        return CommandRunner(database: folder.path("desk.sqlite"))
    }

    private func firstID(after marker: String, in text: String) -> String? {
        guard let range = text.range(of: marker) else { return nil }
        return text[range.upperBound...].split(separator: " ").first.map(String.init)
    }

    @Test("Record a received exchange with a file; its hash shows in evidence list, show and the log; verify passes")
    func receivedExchange() throws {
        let folder = try TemporaryDirectory()
        let cli = try deskWithRequest(folder)
        try Data("abc".utf8).write(to: URL(fileURLWithPath: folder.path("export.csv")))
        let exchange = try cli.run(["evidence", "add-exchange", "OUT-2026-0001", "--flow", "received", "--medium", "usb_drive",
                                    "--channel", "central_authority", "--counterpart", "BfJ", "--handling", "H2",
                                    "--at", "2026-11-29 10:00"])
        #expect(exchange.status == 0, "\(exchange.stderr)")
        let exchangeID = try #require(firstID(after: "exchange ", in: exchange.stdout))
        let item = try cli.run(["evidence", "add-item", "OUT-2026-0001", String(exchangeID.prefix(4)), "--description",
                                "Subscriber export", "--category", "subscriber_records", "--file", folder.path("export.csv"),
                                "--declared-sha256", abcSHA256.uppercased()])
        #expect(item.status == 0, "\(item.stderr)")
        #expect(item.stdout.contains("sha256 \(abcSHA256)") && item.stdout.contains("[verified]"), "the word evidence list uses: \(item.stdout)")
        let itemID = try #require(firstID(after: "item ", in: item.stdout))
        let custody = try cli.run(["evidence", "custody", "OUT-2026-0001", itemID, "--event", "sealed", "--where", "Locker 14"])
        #expect(custody.status == 0, "\(custody.stderr)")
        let byHand = try cli.run(["evidence", "custody", "OUT-2026-0001", itemID, "--event", "verification_passed"])
        #expect(byHand.status == 1 && byHand.stderr.contains("recorded by hashing the item's file again"), "\(byHand.stderr)")
        let sized = try cli.run(["evidence", "add-item", "OUT-2026-0001", String(exchangeID.prefix(4)), "--description", "Log",
                                 "--category", "logs", "--file", folder.path("export.csv"), "--size", "5"])
        #expect(sized.status == 2 && sized.stderr.contains("--size is measured from the file"), "\(sized.stderr)")
        let folderAsArchive = try cli.run(["import", folder.path])
        #expect(folderAsArchive.status == 1 && folderAsArchive.stderr.contains("is imported with --package"), "\(folderAsArchive.stderr)")
        for command in [["custody", "OUT-2026-0001", itemID, "--event", "examined"],
                        ["add-exchange", "OUT-2026-0001", "--flow", "sent", "--medium", "paper"]] {
            let future = try cli.run(["evidence"] + command + ["--at", "2099-01-01 10:00"])
            #expect(future.status == 2 && future.stderr.contains("is later than now"), "\(command): \(future.stderr)")
            let slip = try cli.run(["evidence"] + command + ["--at", "1901-01-01"])
            #expect(slip.status == 2 && slip.stderr.contains("is before 1970"), "a year no desk would import: \(slip.stderr)")
        }
        let list = try cli.run(["evidence", "list", "OUT-2026-0001"])
        #expect(list.stdout.contains("computed SHA256 \(abcSHA256)") && list.stdout.contains("[verified]"), "\(list.stdout)")
        let show = try cli.run(["show", "OUT-2026-0001"])
        #expect(show.stdout.contains("sha256 \(abcSHA256)"))
        let timeline = try cli.run(["evidence", "show", "OUT-2026-0001", itemID])
        #expect(timeline.stdout.contains("Verification passed") && timeline.stdout.contains("Sealed  Ana Müller  at Locker 14"),
                "\(timeline.stdout)")
        let verifyEvidence = try cli.run(["evidence", "verify", "OUT-2026-0001"])
        #expect(verifyEvidence.status == 0 && verifyEvidence.stdout.contains("passed"), "\(verifyEvidence.stdout)")
        let verify = try cli.run(["verify"])
        #expect(verify.status == 0 && verify.stdout.contains("is sound"), "\(verify.stdout)")
        let log = try cli.run(["log", "OUT-2026-0001"])
        #expect(log.stdout.contains("custody_event") && log.stdout.contains("sealed"))
    }

    @Test("On demo data, whose ids share their first digits, every id evidence list shows picks out its item")
    func demoIDsCanBeTyped() throws {
        let folder = try TemporaryDirectory()
        let cli = CommandRunner(database: folder.path("desk.sqlite"))
        #expect(try cli.run(["demo", "--count", "60"]).status == 0)
        let listed = try cli.run(["list", "--format", "json", "--limit", "60"]).stdout
        let references = try (JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]] ?? [])
            .compactMap { $0["reference"] as? String }
        var checked = 0
        for reference in references where checked < 3 {
            let evidence = try cli.run(["evidence", "list", reference]).stdout
            let items = evidence.split(separator: "\n").compactMap { line -> String? in
                let words = line.split(separator: " ")
                return words.first == "Item" && words.count > 1 ? String(words[1]) : nil
            }
            guard items.count > 1 else { continue }
            checked += 1
            #expect(Set(items).count == items.count, "\(evidence)")
            for item in items {
                let shown = try cli.run(["evidence", "show", reference, item])
                #expect(shown.status == 0, "\(reference) \(item): \(shown.stderr)")
            }
        }
        #expect(checked > 0, "no demo request with two items among the first 60")
    }

    @Test("hash of a folder with a file and a folder inside it cannot read: the rest is hashed, the unreadable ones named, exit 1",
          .enabled(if: geteuid() == 0, "reading as another user needs root (CI runs as root)"))
    func hashPastAnUnreadableFolder() throws {
        let folder = try TemporaryDirectory()
        let root = folder.path("evidence")
        try FileManager.default.createDirectory(atPath: root + "/locked", withIntermediateDirectories: true)
        try Data("abc".utf8).write(to: URL(fileURLWithPath: root + "/a.txt"))
        try Data("secret".utf8).write(to: URL(fileURLWithPath: root + "/b-closed.txt"))
        try Data("abc".utf8).write(to: URL(fileURLWithPath: root + "/c.txt"))
        for path in [folder.path, root] { chmod(path, 0o755) }
        chmod(root + "/locked", 0o000)
        chmod(root + "/b-closed.txt", 0o000)
        let cli = CommandRunner(database: folder.path("unused.sqlite"), executable: "/usr/bin/setpriv")
        let result = try cli.run(["--reuid=65534", "--regid=65534", "--clear-groups", CommandRunner.binary, "hash", root])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("\(abcSHA256)  \(root)/a.txt"), "\(result.stdout)")
        #expect(result.stdout.contains("\(abcSHA256)  \(root)/c.txt"), "the file after the closed one is hashed too: \(result.stdout)")
        #expect(result.stderr.contains("b-closed.txt cannot be opened: Permission denied"), "\(result.stderr)")
        #expect(result.stderr.contains("locked: skipped, a folder that cannot be read"), "\(result.stderr)")
    }

    @Test("A declared mismatch exits 1 but is recorded; verify then exits 1 and names it")
    func mismatch() throws {
        let folder = try TemporaryDirectory()
        let cli = try deskWithRequest(folder)
        try Data("abc".utf8).write(to: URL(fileURLWithPath: folder.path("image.dd")))
        let exchange = try cli.run(["evidence", "add-exchange", "OUT-2026-0001", "--flow", "received", "--medium", "email"])
        let exchangeID = try #require(firstID(after: "exchange ", in: exchange.stdout))
        let item = try cli.run(["evidence", "add-item", "OUT-2026-0001", exchangeID, "--description", "Image",
                                "--category", "disk_image", "--file", folder.path("image.dd"),
                                "--declared-sha256", String(repeating: "0", count: 64)])
        #expect(item.status == 1 && item.stderr.contains("differ"))
        #expect(try cli.run(["evidence", "list", "OUT-2026-0001"]).stdout.contains("MISMATCH"))
        let verify = try cli.run(["verify"])
        #expect(verify.status == 1 && verify.stdout.contains("declared and computed SHA256 differ"), "\(verify.stdout)")
        let bad = try cli.run(["evidence", "add-item", "OUT-2026-0001", exchangeID, "--description", "x", "--category",
                               "other", "--declared-md5", "nothex"])
        #expect(bad.status == 1 && bad.stderr.contains("MD5 must be 32 hexadecimal digits"))
    }

    @Test("hash prints sha256sum's lines, tagged lines for several algorithms, and survives a name that is not UTF-8")
    func hashCommand() throws {
        let folder = try TemporaryDirectory()
        let cli = CommandRunner(database: folder.path("unused.sqlite"))
        let path = folder.path("a.txt")
        try Data("abc".utf8).write(to: URL(fileURLWithPath: path))
        let plain = try cli.run(["hash", path])
        #expect(plain.status == 0 && plain.stdout == "\(abcSHA256)  \(path)\n" && plain.stderr.isEmpty)
        let tagged = try cli.run(["hash", "--algorithm", "sha256,md5", path])
        #expect(tagged.stdout == "SHA256 (\(path)) = \(abcSHA256)\nMD5 (\(path)) = 900150983cd24fb0d6963f7d28e17f72\n")
        let json = try cli.run(["hash", "--format", "json", path])
        #expect(json.stdout.contains("\"sha256\" : \"\(abcSHA256)\""))
        let missing = try cli.run(["hash", folder.path("missing")])
        #expect(missing.status == 1 && missing.stderr.contains("cannot be opened"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("unused.sqlite")))
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "printf abc > \"$1\"/\"$(printf 'x\\377\\033[2J')\" && \"$2\" hash \"$1\"/\"$(printf 'x\\377\\033[2J')\"",
                           "sh", folder.path, CommandRunner.binary]
        let out = Pipe()
        shell.standardOutput = out
        try shell.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0)
        #expect(text == "\(abcSHA256)  \(folder.path)/x\\xFF^[[2J\n", "\(text)")
        let twins = Process()
        twins.executableURL = URL(fileURLWithPath: "/bin/sh")
        twins.arguments = ["-c", "cd \"$1\" && printf a > \"$(printf 'y\\376')\" && printf b > \"$(printf 'y\\375')\" && \"$2\" hash \"$(printf 'y\\376')\" \"$(printf 'y\\375')\"",
                           "sh", folder.path, CommandRunner.binary]
        let twinsOut = Pipe()
        twins.standardOutput = twinsOut
        try twins.run()
        let twinsText = String(decoding: twinsOut.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        twins.waitUntilExit()
        #expect(twinsText == "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb  y\\xFE\n"
            + "3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d  y\\xFD\n", "\(twinsText)")
    }
}
