import DeskCore
import DeskTestSupport
import Foundation
import Testing

/// The install archive as an officer receives it: unpacked into a folder of its own, run from
/// somewhere else with no Swift toolchain on PATH and nothing pointing at its data.
@Suite("The offline install bundle", .serialized)
struct BundleTests {
    /// An unpacked bundle in a fresh folder, and a working directory that is not beside it.
    private struct Unpacked {
        let folder: TemporaryDirectory
        let root: String
        let elsewhere: String
        var binary: String { root + "/bin/mladesk" }

        init() throws {
            let archive = try BundleArchive.path.get()
            folder = try TemporaryDirectory("bundle")
            elsewhere = folder.path("elsewhere")
            try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
            let unpacked = try CommandRunner(database: "", executable: "/bin/tar")
                .run(["-xzf", archive, "-C", folder.path])
            guard unpacked.status == 0 else { throw CocoaError(.fileReadCorruptFile, userInfo: ["tar": unpacked.stderr]) }
            let name = URL(fileURLWithPath: archive).lastPathComponent.components(separatedBy: "-linux-")[0]
            root = folder.path(name)
        }

        /// A runner for `executable` with the desk file in the test folder, PATH without any
        /// toolchain folder, and no `MLADESK_DATA`: the program must find its own data.
        func runner(_ executable: String? = nil) -> CommandRunner {
            var cli = CommandRunner(database: folder.path("desk.sqlite"), executable: executable ?? binary,
                                    workingDirectory: elsewhere)
            cli.environment["MLADESK_DATA"] = nil
            cli.environment["HOME"] = folder.path("home")
            return cli
        }
    }

    /// Folders on the test's own PATH that hold a `swift` driver: none may reach the bundle.
    private var toolchainFolders: [String] {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
            .filter { FileManager.default.isExecutableFile(atPath: $0 + "/swift") }
    }

    @Test("The archive is named by the program's version and holds data, man page, completions and installer")
    func contents() throws {
        let archive = try BundleArchive.path.get()
        #expect(URL(fileURLWithPath: archive).lastPathComponent.hasPrefix("mladesk-\(DeskVersion.program)-linux-"))
        let bundle = try Unpacked()
        let files = FileManager.default
        for data in try files.contentsOfDirectory(atPath: Fixtures.dataDirectory.path) {
            #expect(files.fileExists(atPath: bundle.root + "/share/mladesk/Data/" + data), "Data/\(data) missing")
        }
        #expect(files.fileExists(atPath: bundle.root + "/share/mladesk/Data/templates/templates.json"))
        let manual = try String(contentsOfFile: bundle.root + "/share/man/man1/mladesk.1", encoding: .utf8)
        let manualNamesCommands = manual.contains(".Dt MLADESK 1") && manual.contains("verify")
        #expect(manualNamesCommands, "the man page is not swift-argument-parser's page for mladesk")
        for (completion, marker) in [("bash-completion/completions/mladesk", "complete"),
                                     ("zsh/site-functions/_mladesk", "#compdef mladesk"),
                                     ("fish/vendor_completions.d/mladesk.fish", "complete -c 'mladesk'")] {
            let found = try String(contentsOfFile: bundle.root + "/share/" + completion, encoding: .utf8).contains(marker)
            #expect(found, "\(completion) lacks \(marker)")
        }
        #expect(try String(contentsOfFile: bundle.root + "/INSTALL.txt", encoding: .utf8).contains(DeskVersion.program))
        #expect(files.isExecutableFile(atPath: bundle.root + "/install.sh"))
        let version = try bundle.runner().run(["--version"])
        #expect(version.stdout.hasPrefix("mladesk \(DeskVersion.program) (desk file format "))
    }

    @Test("Unpacked anywhere, the program finds its data and works: init, demo, list, verify and a desk session")
    func runsFromAnywhere() throws {
        let bundle = try Unpacked()
        let cli = bundle.runner()
        let path = try #require(cli.environment["PATH"]).split(separator: ":").map(String.init)
        #expect(Set(path).isDisjoint(with: toolchainFolders))

        let created = try cli.run(["init"])
        #expect(created.status == 0 && created.stdout.contains("Created desk"), "\(created.stderr)")
        #expect(try cli.run(["demo", "--count", "40", "--seed", "7", "--as-of", "2026-11-29"]).status == 0)
        let listed = try cli.run(["list", "--direction", "out"])
        #expect(listed.status == 0 && listed.stdout.contains("OUT-"), "\(listed.stderr)")
        let verified = try cli.run(["verify"])
        #expect(verified.status == 0 && verified.stdout.contains("chain intact"), "\(verified.stdout)\(verified.stderr)")

        var environment = cli.environment
        environment["TERM"] = "xterm-256color"
        let desk = try TmuxSession(arguments: [], environment: environment, command: [bundle.binary],
                                   workingDirectory: bundle.elsewhere)
        try desk.waitFor("Needs attention")
        try desk.press("l")
        try desk.waitFor("Reference")
        try desk.waitFor("OUT-")
        try desk.press("Escape")
        try desk.waitFor("Needs attention")
        try desk.press("q")
        try desk.waitForExit()
    }

    @Test("--data and MLADESK_DATA still win over the bundled data")
    func overrides() throws {
        let bundle = try Unpacked()
        let missing = bundle.folder.path("no-such-data")
        let flag = try bundle.runner().run(["init", "--data", missing])
        #expect(flag.status != 0 && flag.stderr.contains("no such folder (named by --data)"), "\(flag.stderr)")
        var named = bundle.runner()
        named.environment["MLADESK_DATA"] = missing
        let variable = try named.run(["init"])
        #expect(variable.status != 0 && variable.stderr.contains("named by MLADESK_DATA"), "\(variable.stderr)")
    }

    @Test("install.sh links the program into a prefix; through the link it still finds its data; --uninstall removes the links")
    func installScript() throws {
        let bundle = try Unpacked()
        let prefix = bundle.folder.path("prefix")
        let shell = CommandRunner(database: "", executable: "/bin/sh", workingDirectory: bundle.elsewhere)
        let installed = try shell.run([bundle.root + "/install.sh", "--prefix", prefix])
        #expect(installed.status == 0, "\(installed.stdout)\(installed.stderr)")
        let linked = prefix + "/bin/mladesk"
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: linked) == bundle.binary)
        #expect(FileManager.default.fileExists(atPath: prefix + "/share/man/man1/mladesk.1"))

        let cli = bundle.runner(linked)
        let created = try cli.run(["init"])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(try cli.run(["demo", "--count", "5", "--seed", "7", "--as-of", "2026-11-29"]).status == 0)

        let removed = try shell.run([bundle.root + "/install.sh", "--prefix", prefix, "--uninstall"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: linked))
        #expect(FileManager.default.isExecutableFile(atPath: bundle.binary))
    }
}
