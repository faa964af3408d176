import DeskTestSupport
import Foundation
import Testing

/// Importing a signed package through the full-screen desk: two desks made with the command
/// line, a package exported from one, then checked, previewed and applied in the other under
/// tmux, and the request found in its list.
@Suite("Package import in the full-screen desk under tmux", .serialized)
struct PackageDeskSessionTests {
    private func value(_ label: String, in text: String) -> String? {
        text.split(separator: "\n").first { $0.hasPrefix(label) }
            .map { $0.dropFirst(label.count).trimmingCharacters(in: .whitespaces) }
    }

    @Test("Press i, type the folder, read the preview, apply, and see the request in the list")
    func importThroughTheDesk() throws {
        let a = try TemporaryDirectory("sender-desk")
        let b = try TemporaryDirectory("receiver-desk")
        let sender = CommandRunner(database: a.path("desk.sqlite"))
        let receiver = CommandRunner(database: b.path("desk.sqlite"), officer: "Søren Østergaard")
        let filled = try sender.run(["demo", "--count", "3", "--seed", "5", "--as-of", "2026-11-29"])
        #expect(filled.status == 0, "\(filled.stderr)")
        let listed = try sender.run(["list", "--format", "json", "--limit", "1", "--direction", "out"])
        let rows = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]]
        let reference = try #require(rows?.first?["reference"] as? String)

        #expect(try receiver.run(["init"]).status == 0)
        let shown = try sender.run(["key", "show"])
        let publicKey = try #require(value("Public key:", in: shown.stdout))
        #expect(try receiver.run(["key", "trust", publicKey, "--name", "Desk A"]).status == 0)
        let package = a.path("package")
        let exported = try sender.run(["export", "--package", package, reference])
        #expect(exported.status == 0, "\(exported.stderr)")

        var environment = receiver.environment
        environment["TERM"] = "xterm-256color"
        let desk = try TmuxSession(arguments: [], environment: environment, width: 120, height: 30)
        try desk.waitFor("Needs attention")
        try desk.waitFor("i Import")
        try desk.press("i")
        try desk.waitFor("Folder of the exchange package")
        try desk.type(package)
        try desk.press("Enter")
        try desk.waitFor("Would import package")
        try desk.waitFor("From:        Desk A (key")
        try desk.waitFor("+ \(reference)  added")
        try desk.waitFor("1 added, 0 updated, 0 unchanged")
        try desk.press("Enter")
        try desk.waitFor("Apply 1 added, 0 updated from Desk A?")
        try desk.press("y")
        try desk.waitFor("Imported the package from Desk A: 1 added")
        try desk.waitFor("Needs attention")
        try desk.press("l")
        let list = try desk.waitFor("1–1 of 1")
        #expect(list.contains(reference), "the list shows the imported request:\n\(list)")
        try desk.leaveToHomeAndQuit()
        try desk.waitForExit()

        #expect(try receiver.run(["show", reference]).status == 0)
        #expect(try receiver.run(["log"]).stdout.contains("package_import"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: b.path).filter { $0.contains(".staging-") }
        #expect(leftovers.isEmpty)
    }
}
