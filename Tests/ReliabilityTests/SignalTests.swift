import DeskTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Row 11: a signal while a form is dirty or a package is being staged leaves a sane terminal,
/// nothing half-saved, and no staging folder.
@Suite("Signals with a form open or during an import", .serialized)
struct SignalTests {
    static let signals: [Int32] = [SIGHUP, SIGTERM, SIGINT]

    @Test("SIGHUP, SIGTERM, SIGINT with a dirty form: terminal restored (icanon echo), nothing saved, the desk closed whole",
          arguments: signals)
    func dirtyForm(signal: Int32) throws {
        let folder = try TemporaryDirectory("signal")
        let cli = try Reliability.desk(in: folder)
        let before = try Reliability.contents(cli)
        var environment = cli.environment
        environment["TERM"] = "xterm-256color"
        let desk = try TmuxSession(
            shellCommand: "\(TmuxSession.quote(CommandRunner.binary)); echo \"EXIT=$?\"; stty -a; exec sleep 600",
            environment: environment)
        try desk.waitFor("Needs attention")
        try desk.press("n")
        try desk.waitFor("New request")
        for _ in 0..<10 where !(try desk.settled().contains("▸Counterpart authority")) {
            let screen = try desk.capture()
            try desk.press("Tab")
            try desk.waitUntil("focus to move") { $0 != screen }
        }
        try desk.type("Unsaved words")
        try desk.waitFor("Unsaved words")
        let pid = try deskProcess(under: desk.panePID())
        #expect(kill(pid, signal) == 0)
        let screen = try desk.waitFor("extproc")
        #expect(screen.contains("EXIT=\(128 + signal)"), "\(screen)")
        let settings = Set(screen.split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "\n" }).map(String.init))
        #expect(settings.contains("icanon") && settings.contains("echo"), "the terminal was left raw:\n\(screen)")
        #expect(!settings.contains("-icanon") && !settings.contains("-echo"), "the terminal was left raw:\n\(screen)")
        for leftover in ["-wal", "-shm"] {
            #expect(!FileManager.default.fileExists(atPath: folder.path("desk.sqlite") + leftover),
                    "the desk was closed before the signal ended it: no \(leftover) beside it")
        }
        #expect(try Reliability.contents(cli) == before)
        #expect(try cli.run(["verify"]).status == 0)
    }

    @Test("SIGTERM while a demo desk is still being filled, before the terminal is set up: the desk is closed whole, then ends with the signal")
    func signalBeforeTheRunLoop() throws {
        let folder = try TemporaryDirectory("early")
        let cli = CommandRunner(database: folder.path("demo.sqlite"))
        var environment = cli.environment
        environment["TERM"] = "xterm-256color"
        let desk = try TmuxSession(
            shellCommand: "\(TmuxSession.quote(CommandRunner.binary)) open --demo --demo-count 3000; echo \"EXIT=$?\"; exec sleep 600",
            environment: environment)
        let pid = try deskProcess(under: desk.panePID())
        defer { if kill(pid, 0) == 0 { kill(pid, SIGKILL) } }
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: folder.path("demo.sqlite") + "-wal") && Date() < deadline { usleep(5_000) }
        #expect(kill(pid, SIGTERM) == 0)
        let screen = try desk.waitFor("EXIT=", timeout: 60)
        #expect(screen.contains("EXIT=\(128 + SIGTERM)"), "\(screen)")
        for leftover in ["-wal", "-shm"] {
            #expect(!FileManager.default.fileExists(atPath: folder.path("demo.sqlite") + leftover), "\(leftover) left beside the desk")
        }
        // Demo evidence includes hashes that disagree on purpose; the file and the chain are sound.
        let verify = try cli.run(["verify"])
        #expect(verify.stdout.contains("file and records sound, chain intact"), "\(verify.stdout)\(verify.stderr)")
    }

    @Test("A terminal that goes away without a SIGHUP reaching the desk ends it as a SIGHUP would, the desk closed whole")
    func terminalGoneWithoutSignal() throws {
        let folder = try TemporaryDirectory("hangup")
        let cli = try Reliability.desk(in: folder)
        var environment = cli.environment
        environment["TERM"] = "xterm-256color"
        // A parent that ignores SIGHUP: the kernel's hang-up signal never reaches the desk.
        let desk = try TmuxSession(
            shellCommand: "trap '' HUP; \(TmuxSession.quote(CommandRunner.binary)); echo \"EXIT=$?\" > \(TmuxSession.quote(folder.path("status")))",
            environment: environment)
        try desk.waitFor("Needs attention")
        let pid = try deskProcess(under: desk.panePID())
        defer { if kill(pid, 0) == 0 { kill(pid, SIGKILL) } }
        try desk.closeTerminal()
        let deadline = Date().addingTimeInterval(10)
        while kill(pid, 0) == 0 && Date() < deadline { usleep(20_000) }
        #expect(kill(pid, 0) != 0, "the desk ended instead of reading a closed terminal for ever")
        for leftover in ["-wal", "-shm"] {
            #expect(!FileManager.default.fileExists(atPath: folder.path("desk.sqlite") + leftover))
        }
        #expect(try cli.run(["verify"]).status == 0)
    }

    @Test("SIGTERM or SIGINT while a package is staged: the staging folder (0700) is removed, nothing imported",
          arguments: [SIGTERM, SIGINT])
    func stagingRemoved(signal: Int32) throws {
        let folder = try TemporaryDirectory("staging")
        let cli = try Reliability.desk(in: folder)
        let before = try Reliability.contents(cli)
        let package = folder.path("incoming")
        let blob = String(repeating: "ab", count: 32)
        try FileManager.default.createDirectory(atPath: "\(package)/blobs", withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: URL(fileURLWithPath: "\(package)/manifest.json"))
        try Data(count: 64).write(to: URL(fileURLWithPath: "\(package)/manifest.sig"))
        #expect(FileManager.default.createFile(atPath: "\(package)/blobs/\(blob)", contents: nil))
        #expect(truncate("\(package)/blobs/\(blob)", 768 << 20) == 0)

        let importing = try LineProcess(CommandRunner.binary, ["import", "--package", package], environment: cli.environment)
        let staging = try waitForStaging(in: folder, blob: blob)
        #expect(Reliability.mode(staging) == 0o700)
        importing.signal(signal)
        let (status, output) = try importing.finish()
        #expect(status == 128 + signal, "\(output)")
        #expect(!FileManager.default.fileExists(atPath: staging), "the staging folder outlived the import")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".staging-") }.isEmpty)
        #expect(try Reliability.contents(cli) == before)
    }

    @Test("SIGTERM or SIGINT while a new demo desk is built: neither the desk nor its temporary file is left",
          arguments: [SIGTERM, SIGINT])
    func buildRemoved(signal: Int32) throws {
        let folder = try TemporaryDirectory("building")
        let cli = CommandRunner(database: folder.path("demo.sqlite"))
        let building = try LineProcess(CommandRunner.binary, ["demo", "--count", "50000"], environment: cli.environment)
        let temporary = try waitForFile(in: folder.path, prefix: ".demo.sqlite.", largerThan: 64 << 10)
        building.signal(signal)
        let (status, output) = try building.finish()
        #expect(status == 128 + signal, "\(output)")
        #expect(!FileManager.default.fileExists(atPath: temporary), "the desk being built outlived the command")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("SIGTERM or SIGINT during a backup: no copy of the case file is left on the drive it was going to",
          arguments: [SIGTERM, SIGINT])
    func backupRemoved(signal: Int32) throws {
        let folder = try TemporaryDirectory("backup")
        let cli = CommandRunner(database: folder.path("desk.sqlite"))
        #expect(try cli.run(["demo", "--count", "1000"]).status == 0)
        let drive = folder.path("drive")
        try FileManager.default.createDirectory(atPath: drive, withIntermediateDirectories: false)
        let copying = try LineProcess(CommandRunner.binary, ["backup", "\(drive)/copy.sqlite"], environment: cli.environment)
        let temporary = try waitForFile(in: drive, prefix: ".copy.sqlite.", largerThan: 64 << 10)
        copying.signal(signal)
        let (status, output) = try copying.finish()
        #expect(status == 128 + signal, "\(output)")
        #expect(!FileManager.default.fileExists(atPath: temporary), "the copy outlived the backup")
        let left = try FileManager.default.contentsOfDirectory(atPath: drive)
        #expect(left.isEmpty, "\(left)")
    }

    /// Waits for a file whose name starts with `prefix` to grow past `size` bytes; returns its path.
    private func waitForFile(in folder: String, prefix: String, largerThan size: Int) throws -> String {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            if let name = names.first(where: { $0.hasPrefix(prefix) }),
               let bytes = try? FileManager.default.attributesOfItem(atPath: "\(folder)/\(name)")[.size] as? Int, bytes > size {
                return "\(folder)/\(name)"
            }
            usleep(1_000)
        }
        throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "no \(prefix)… file grew past \(size) bytes"])
    }

    /// The desk started by the pane's shell.
    private func deskProcess(under shell: Int32) throws -> Int32 {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
            if let pid = children.split(separator: " ").compactMap({ Int32($0) }).first { return pid }
            usleep(10_000)
        }
        throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "no desk process under the shell \(shell)"])
    }

    /// Waits until the import is copying the big file into its staging folder.
    private func waitForStaging(in folder: TemporaryDirectory, blob: String) throws -> String {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            if let name = names.first(where: { $0.hasPrefix(".desk.sqlite.staging-") }) {
                let copy = folder.path("\(name)/blobs/\(blob)")
                if let size = try? FileManager.default.attributesOfItem(atPath: copy)[.size] as? Int, size > 0 {
                    return folder.path(name)
                }
            }
            usleep(1_000)
        }
        throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "the import never staged the package"])
    }
}
