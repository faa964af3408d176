import DeskTestSupport
import Foundation

/// Runs a program under `strace -f -e trace=socket,connect` and reads back every socket it and
/// its children opened or connected, so a test can prove the desk never reaches for a network.
struct NetworkTrace {
    /// One `socket()` or `connect()` call found in a trace log.
    struct SocketCall: Equatable, CustomStringConvertible {
        var call: String
        var family: String
        var line: String
        var description: String { line }
    }

    /// Families that mean a network: IPv4, IPv6 and netlink (how a program asks the kernel
    /// about interfaces and routes). `AF_UNIX` stays on this machine (tmux, nscd) and is fine.
    static let networkFamilies: Set<String> = ["AF_INET", "AF_INET6", "AF_NETLINK"]

    static let strace = "/usr/bin/strace"

    /// Whether strace can trace here: it is installed, ptrace is allowed, and a tmux client's
    /// `AF_UNIX` socket shows up in its log, which also proves the log is read correctly.
    static let probe: Result<Void, ProbeFailure> = {
        guard FileManager.default.isExecutableFile(atPath: strace) else {
            return .failure(.notInstalled)
        }
        do {
            let folder = try TemporaryDirectory("strace-probe")
            let log = folder.path("probe.log")
            let result = try CommandRunner(database: folder.path("unused.sqlite"), executable: strace)
                .run(command(log: log, program: ["/usr/bin/tmux", "-L", "probe-\(UUID().uuidString.prefix(8))", "has-session"]))
            let calls = try sockets(inLog: log)
            if calls.contains(where: { $0.family == "AF_UNIX" }) { return .success(()) }
            if result.stderr.contains("ptrace") || result.stderr.contains("Operation not permitted") {
                return .failure(.cannotTrace(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)))
            }
            return .failure(.nothingRecorded(result.stderr))
        } catch {
            return .failure(.nothingRecorded("\(error)"))
        }
    }()

    enum ProbeFailure: Error, CustomStringConvertible {
        case notInstalled
        case cannotTrace(String)
        case nothingRecorded(String)

        var description: String {
            switch self {
            case .notInstalled: "strace is not installed (.ci/run installs it)"
            case .cannotTrace(let message): "strace cannot trace processes here (ptrace forbidden): \(message)"
            case .nothingRecorded(let message): "strace ran but recorded no socket of a tmux client: \(message)"
            }
        }
    }

    /// Only a forbidden ptrace skips the proof; a missing strace or an unreadable log fails it.
    static var canTrace: Bool {
        if case .failure(.cannotTrace) = probe { return false }
        return true
    }

    /// The strace command line that traces `program` with all its children into `log`.
    static func command(log: String, program: [String]) -> [String] {
        ["-f", "-qq", "-e", "trace=socket,connect", "-o", log, "--"] + program
    }

    /// Every socket and connect call in a log written by ``command(log:program:)``. Calls split
    /// by another process (`<unfinished ...>` … `<... socket resumed>`) keep their family, which
    /// strace prints on the first half.
    static func sockets(inLog path: String) throws -> [SocketCall] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n").compactMap { socketCall(in: String($0)) }
    }

    /// Reads one log line, `PID name(arguments…`; the call's name is the first word after the
    /// process id, so a path that merely contains "socket(" is never taken for a call.
    static func socketCall(in line: String) -> SocketCall? {
        let body = line.drop { $0.isNumber }.drop { $0 == " " }
        for call in ["socket", "connect"] where body.hasPrefix("\(call)(") {
            let arguments = body.dropFirst(call.count + 1)
            let family: Substring
            if call == "socket" {
                family = arguments.prefix { $0 != "," && $0 != ")" && $0 != " " }
            } else if let named = arguments.range(of: "sa_family=") {
                family = arguments[named.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            } else {
                return nil
            }
            guard !family.isEmpty else { return nil }
            return SocketCall(call: call, family: String(family).replacingOccurrences(of: "PF_", with: "AF_"), line: line)
        }
        return nil
    }

    /// The calls in a log that would reach a network.
    static func networkSockets(inLog path: String) throws -> [SocketCall] {
        try sockets(inLog: path).filter { networkFamilies.contains($0.family) }
    }
}
