import DeskCore
import DeskStore
import DeskTestSupport
import Foundation
import Testing

@Suite("Keys and exchange packages on the command line")
struct PackageCommandTests {
    private func value(_ label: String, in text: String) -> String? {
        text.split(separator: "\n").first { $0.hasPrefix(label) }
            .map { $0.dropFirst(label.count).trimmingCharacters(in: .whitespaces) }
    }

    @Test("Two desks exchange a package: init makes the key, trust, dry run, import, replay refused, CASE export")
    func exchange() throws {
        let a = try TemporaryDirectory("desk-a")
        let b = try TemporaryDirectory("desk-b")
        let store = try Fixtures.store(in: a)
        _ = try store.create(Fixtures.request())
        try store.close()
        let sender = CommandRunner(database: a.path("desk.sqlite"))
        let receiver = CommandRunner(database: b.path("desk.sqlite"), officer: "Søren Østergaard")

        let created = try receiver.run(["init"])
        #expect(created.status == 0 && created.stdout.contains("Signing key"), "\(created.stderr)")
        let keyMode = try FileManager.default.attributesOfItem(atPath: b.path("desk.sqlite.key"))[.posixPermissions] as? Int
        #expect(keyMode == 0o600)
        let shown = try sender.run(["key", "show"])
        let publicKey = try #require(value("Public key:", in: shown.stdout))
        let keyID = try #require(value("Key id:", in: shown.stdout))
        #expect(!shown.stdout.contains(try String(contentsOfFile: a.path("desk.sqlite.key"), encoding: .utf8)))
        let receiverDesk = try #require(value("Desk id:", in: try receiver.run(["key", "show"]).stdout))

        let unknown = try sender.run(["export", "--package", a.path("early"), "OUT-2026-0001"])
        #expect(unknown.status == 0, "\(unknown.stderr)")
        let untrusted = try receiver.run(["import", "--package", a.path("early")])
        #expect(untrusted.status == 1 && untrusted.stderr.contains("does not verify with any key this desk trusts"))

        #expect(try receiver.run(["key", "trust", publicKey, "--name", "Desk A"]).status == 0)
        #expect(try receiver.run(["key", "list"]).stdout.contains(keyID))

        let misaddressed = try sender.run(["export", "--package", a.path("nowhere"), "OUT-2026-0001", "--recipient", "not-a-desk"])
        #expect(misaddressed.status == 2 && misaddressed.stderr.contains("is not a desk id"), "\(misaddressed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: a.path("nowhere")))
        let exported = try sender.run(["export", "--package", a.path("pkg"), "OUT-2026-0001", "--recipient", receiverDesk])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.contains("sequence 2"))
        let mode = try FileManager.default.attributesOfItem(atPath: a.path("pkg"))[.posixPermissions] as? Int
        #expect(mode == 0o700)

        let dry = try receiver.run(["import", "--package", a.path("pkg"), "--dry-run"])
        #expect(dry.status == 0 && dry.stdout.contains("Would import") && dry.stdout.contains("+ OUT-2026-0001"), "\(dry.stderr)")
        #expect(try receiver.run(["list"]).stdout.contains("OUT-2026-0001") == false)

        let imported = try receiver.run(["import", "--package", a.path("pkg")])
        #expect(imported.status == 0 && imported.stdout.contains("Imported package"), "\(imported.stderr)")
        #expect(try receiver.run(["show", "OUT-2026-0001"]).status == 0)
        let replay = try receiver.run(["import", "--package", a.path("pkg")])
        #expect(replay.status == 1 && replay.stderr.contains("already imported"))
        let log = try receiver.run(["verify"])
        #expect(log.status == 0, "\(log.stdout)\(log.stderr)")

        let caseFile = a.path("case.jsonld")
        #expect(try sender.run(["export", "--format", "case", "OUT-2026-0001", "--out", caseFile]).status == 0)
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: caseFile))) as? [String: Any]
        #expect(document?["@graph"] is [Any])
    }

    @Test("Package options that do not fit together are usage errors")
    func usage() throws {
        let folder = try TemporaryDirectory()
        let cli = CommandRunner(database: folder.path("desk.sqlite"))
        #expect(try cli.run(["init"]).status == 0)
        for arguments in [["export", "--with-files"], ["export", "--package", folder.path("p")],
                          ["export", "--package", folder.path("p"), "OUT-2026-0001", "--format", "case"],
                          ["import"], ["import", "x.json", "--package", folder.path("p")]] {
            let result = try cli.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.status) \(result.stderr)")
        }
    }
}
