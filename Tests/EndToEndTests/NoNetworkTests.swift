import DeskTestSupport
import Foundation
import Testing

/// The desk runs on workstations with no network and must never try to reach one: every main
/// command and a desk session run under strace, and any IPv4, IPv6 or netlink socket fails.
@Suite("No network, ever", .serialized)
struct NoNetworkTests {
    @Test("The strace log reader finds network sockets and only those")
    func readsTraceLogs() {
        let log = [
            #"4242  socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_IP) = 3"#,
            #"4243  socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP <unfinished ...>"#,
            #"4243  <... socket resumed>) = 4"#,
            #"4244  socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, NETLINK_ROUTE) = 5"#,
            #"4245  connect(3, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.0.0.1")}, 16) = 0"#,
            #"4246  socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK, 0) = 3"#,
            #"4246  connect(3, {sa_family=AF_UNIX, sun_path="/tmp/socket(AF_INET, x)"}, 110) = -1 ENOENT"#,
        ]
        let calls = log.compactMap(NetworkTrace.socketCall(in:))
        #expect(calls.map(\.family) == ["AF_INET", "AF_INET6", "AF_NETLINK", "AF_INET", "AF_UNIX", "AF_UNIX"])
        #expect(calls.filter { NetworkTrace.networkFamilies.contains($0.family) }.count == 4)
    }

    @Test("init, demo, list, show, export, import, verify, hash, report, draft and key open no network socket",
          .enabled(if: NetworkTrace.canTrace, "strace cannot trace here (ptrace is forbidden): the no-network proof did not run"))
    func commandLine() throws {
        try NetworkTrace.probe.get()
        let folder = try TemporaryDirectory("no-network")
        let sender = Traced(CommandRunner(database: folder.path("a.sqlite")), folder: folder)
        let receiver = Traced(CommandRunner(database: folder.path("b.sqlite"), officer: "Søren Østergaard"), folder: folder)

        try sender.expectSuccess(["init"])
        try receiver.expectSuccess(["init"])
        try sender.expectSuccess(["demo", "--count", "30", "--seed", "7", "--as-of", "2026-11-29"])
        let listed = try sender.expectSuccess(["list", "--format", "json", "--limit", "1", "--direction", "out"])
        let rows = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]]
        let reference = try #require(rows?.first?["reference"] as? String)
        try sender.expectSuccess(["show", reference])
        try sender.expectSuccess(["export", "--out", folder.path("all.json")])
        try receiver.expectSuccess(["import", folder.path("all.json")])
        let shown = try sender.expectSuccess(["key", "show"])
        let publicKey = try #require(shown.stdout.split(separator: "\n").first { $0.hasPrefix("Public key:") }?
            .dropFirst("Public key:".count).trimmingCharacters(in: .whitespaces))
        try receiver.expectSuccess(["key", "trust", publicKey, "--name", "Desk A"])
        try sender.expectSuccess(["export", "--package", folder.path("package"), reference])
        try receiver.expectSuccess(["import", "--package", folder.path("package"), "--dry-run"])
        try sender.expectSuccess(["verify"])
        try receiver.expectSuccess(["verify"])
        try sender.expectSuccess(["hash", folder.path("all.json")])
        try sender.expectSuccess(["report", "--format", "csv"])
        try sender.expectSuccess(["draft", reference, "--list"])
        try sender.expectSuccess(["draft", reference, "--template", "preservation_request", "--force", "--out", folder.path("draft.txt")])

        let found = try sender.networkSockets() + receiver.networkSockets()
        #expect(found.isEmpty, "network sockets opened:\n\(found.map(\.line).joined(separator: "\n"))")
    }

    @Test("A desk session (open, list, quit) opens no network socket",
          .enabled(if: NetworkTrace.canTrace, "strace cannot trace here (ptrace is forbidden): the no-network proof did not run"))
    func deskSession() throws {
        try NetworkTrace.probe.get()
        let folder = try TemporaryDirectory("no-network-desk")
        let cli = CommandRunner(database: folder.path("desk.sqlite"))
        #expect(try cli.run(["demo", "--count", "40", "--seed", "7", "--as-of", "2026-11-29"]).status == 0)
        var environment = cli.environment
        environment["TERM"] = "xterm-256color"
        let log = folder.path("desk.log")
        // strace is the pane's program and mladesk its child: the desk is traced, tmux is not.
        let desk = try TmuxSession(arguments: [], environment: environment,
                                   command: [NetworkTrace.strace] + NetworkTrace.command(log: log, program: [CommandRunner.binary]))
        try desk.waitFor("Needs attention")
        try desk.press("l")
        try desk.waitFor("Reference")
        try desk.press("Escape")
        try desk.waitFor("Needs attention")
        try desk.press("q")
        try desk.waitForExit()
        let found = try NetworkTrace.networkSockets(inLog: log)
        #expect(found.isEmpty, "network sockets opened:\n\(found.map(\.line).joined(separator: "\n"))")
    }
}

/// A command runner whose every run goes through strace, each into its own log.
private final class Traced {
    private let runner: CommandRunner
    private let folder: TemporaryDirectory
    private var logs: [String] = []

    init(_ runner: CommandRunner, folder: TemporaryDirectory) {
        self.runner = runner
        self.folder = folder
    }

    @discardableResult
    func expectSuccess(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> CommandRunner.Result {
        let log = folder.path("trace-\(UUID().uuidString.prefix(8)).log")
        logs.append(log)
        var tracer = runner
        tracer.executable = NetworkTrace.strace
        let result = try tracer.run(NetworkTrace.command(log: log, program: [CommandRunner.binary] + arguments))
        #expect(result.status == 0, "mladesk \(arguments.joined(separator: " ")): \(result.stderr)", sourceLocation: sourceLocation)
        return result
    }

    func networkSockets() throws -> [NetworkTrace.SocketCall] {
        try logs.flatMap(NetworkTrace.networkSockets(inLog:))
    }
}
