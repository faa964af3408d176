import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real `mladesk` binary in a private tmux server, driven like an officer at a keyboard:
/// keys go in with `send-keys`, the screen comes back with `capture-pane`, and every wait polls
/// for expected text with a deadline — never a fixed sleep.
public final class TmuxSession: @unchecked Sendable {
    public struct Timeout: Error, CustomStringConvertible {
        public var expected: String
        public var screen: String
        public init(expected: String, screen: String) {
            self.expected = expected
            self.screen = screen
        }

        public var description: String { "Timed out waiting for “\(expected)”. Screen:\n\(screen)" }
    }

    public let socket: String
    public let target = "desk"

    /// Starts `arguments` (after the binary) in a detached session of the given size.
    /// `command` replaces the built binary: another copy of it, or a tracer in front of it.
    /// `workingDirectory` is where the program starts (tmux's own when nil).
    public convenience init(arguments: [String], environment: [String: String], width: Int = 100, height: Int = 30,
                            command: [String] = [CommandRunner.binary], workingDirectory: String? = nil) throws {
        let line = (command + arguments).map(Self.quote).joined(separator: " ")
        try self.init(shellCommand: line, environment: environment, width: width, height: height,
                      workingDirectory: workingDirectory)
    }

    /// Starts a shell command line in the pane, for tests that look at the terminal after the
    /// desk has gone (e.g. `mladesk; stty -a`).
    public init(shellCommand command: String, environment: [String: String], width: Int = 100, height: Int = 30,
                workingDirectory: String? = nil) throws {
        socket = "mladesk-test-\(UUID().uuidString.prefix(8))"
        var args = ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", target, "-x", "\(width)", "-y", "\(height)"]
        if let workingDirectory { args += ["-c", workingDirectory] }
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) {
            args += ["-e", "\(key)=\(value)"]
        }
        args.append(command)
        try tmux(args, startsServer: true)
        try tmux(["set-option", "-g", "escape-time", "0"])
        try tmux(["set-option", "-t", target, "remain-on-exit", "on"])
    }

    deinit {
        try? closeTerminal()
    }

    /// Ends the terminal itself, as closing its window does: what runs in it loses its terminal.
    public func closeTerminal() throws {
        try tmux(["kill-server"])
    }

    /// Sends tmux key names (`Enter`, `Escape`, `C-s`, `Tab`, `BTab`, `Down`, `F1`).
    public func press(_ keys: String...) throws {
        try tmux(["send-keys", "-t", target] + keys)
    }

    /// Types text literally, character by character as a keyboard would.
    public func type(_ text: String) throws {
        try tmux(["send-keys", "-t", target, "-l", text])
    }

    /// Pastes `text` as a terminal would: marked as a paste (`ESC [200~` … `ESC [201~`) when
    /// `bracketed` and the program asked for it, else as a burst of keys. Line ends arrive as
    /// carriage returns, as tmux sends them.
    /// The text goes through a file: a long text is beyond what one tmux command may carry.
    public func paste(_ text: String, bracketed: Bool) throws {
        let file = NSTemporaryDirectory() + "/tmux-paste-\(UUID().uuidString)"
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        try tmux(["load-buffer", "-b", "test-paste", file])
        try tmux(["paste-buffer", "-d", "-b", "test-paste", "-t", target] + (bracketed ? ["-p"] : []))
    }

    public func capture() throws -> String {
        try tmux(["capture-pane", "-p", "-t", target])
    }

    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The pane's title, which an escape sequence in stored text must never change.
    public func paneTitle() throws -> String {
        try tmux(["display-message", "-p", "-t", target, "#{pane_title}"]).trimmingCharacters(in: .newlines)
    }

    /// The process id of the pane's first process (the shell, when started with a command line).
    public func panePID() throws -> Int32 {
        Int32(try tmux(["display-message", "-p", "-t", target, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// Whether the program has exited (the pane stays, dead, thanks to remain-on-exit).
    public func hasExited() throws -> Bool {
        try tmux(["display-message", "-p", "-t", target, "#{pane_dead}"]).hasPrefix("1")
    }

    /// Polls the screen until `text` appears; returns the screen that showed it.
    @discardableResult
    public func waitFor(_ text: String, timeout: TimeInterval = 15) throws -> String {
        try waitUntil(text, timeout: timeout) { $0.contains(text) }
    }

    /// Polls until `text` is gone from the screen.
    @discardableResult
    public func waitForAbsence(_ text: String, timeout: TimeInterval = 15) throws -> String {
        try waitUntil("absence of \(text)", timeout: timeout) { !$0.contains(text) }
    }

    @discardableResult
    public func waitUntil(_ what: String, timeout: TimeInterval = 15, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if condition(screen) { return screen }
            usleep(20_000)
        }
        throw Timeout(expected: what, screen: screen)
    }

    /// The screen once it has stopped changing (two captures 50 ms apart agree), for decisions
    /// that must not be made on a frame the program is still drawing.
    public func settled(timeout: TimeInterval = 15) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = try capture()
        while Date() < deadline {
            usleep(50_000)
            let next = try capture()
            if next == last { return next }
            last = next
        }
        throw Timeout(expected: "a settled screen", screen: last)
    }

    /// Waits for the program to exit.
    public func waitForExit(timeout: TimeInterval = 15) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try hasExited() { return }
            usleep(20_000)
        }
        throw Timeout(expected: "program exit", screen: try capture())
    }

    /// Runs one tmux client command. The command that starts the server gets no pipes: the
    /// server would inherit them and keep them open for its whole life.
    @discardableResult
    private func tmux(_ arguments: [String], startsServer: Bool = false) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/tmux")
        process.arguments = ["-L", socket] + (arguments.first == "-L" ? Array(arguments.dropFirst(2)) : arguments)
        process.standardError = FileHandle.nullDevice
        guard !startsServer else {
            try Self.spawnAndWait(["/usr/bin/tmux"] + process.arguments!)
            return ""
        }
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Starts a process with standard streams on /dev/null and no blocked signals (the test
    /// thread's mask would pass to the server and the desk), and waits for it with `waitpid`:
    /// Foundation's `Process` would wait for pipes that the forked tmux server keeps open.
    private static func spawnAndWait(_ arguments: [String]) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd in Int32(0)...2 {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, &argv, environ)
        guard spawned == 0 else { throw CocoaError(.executableLoad) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }

    public static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
