import DeskCore
import DeskTestSupport
import Foundation
import TermUI
import Testing

/// Rows 9 and 10: hostile and extreme text on the real terminal and in piped output.
@Suite("Hostile and extreme text on the terminal", .serialized)
struct TerminalTests {
    /// Clear screen, window title (OSC 0), clipboard (OSC 52), C1 CSI, CR, BS, bidi overrides
    /// and isolates, zero-width characters.
    static let hostile = "A\u{1B}[2JB\u{1B}]0;pwned\u{07}C\u{1B}]52;c;aGVsbG8=\u{07}D\u{9B}31mE\rF\u{08}G\u{202E}exe.doc\u{202C}"
        + "\u{2066}H\u{2069}I\u{200B}J\u{200D}K"

    @Test("Escape sequences in stored text: pane title unchanged, layout intact, characters shown visibly")
    func escapeInjectionOnScreen() throws {
        let folder = try TemporaryDirectory("escape")
        let cli = try hostileDesk(folder)
        let desk = try open(cli)
        try desk.waitFor("Needs attention")
        let title = try desk.paneTitle()
        try openDetail("OUT-2026-0001", in: desk)
        let screen = try desk.waitFor("^[[2J")
        #expect(try desk.paneTitle() == title)
        for token in ["^[]0;pwned^G", "^[]52;c;", "<U+009B>31m", "F^HG", "⟨RLO⟩", "⟨LRI⟩H⟨PDI⟩", "⟨ZWSP⟩", "⟨ZWJ⟩"] {
            #expect(screen.contains(token), "\(token) not shown visibly:\n\(screen)")
        }
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { DisplayWidth.of(String($0)) <= 100 }, "\(screen)")
        #expect(screen.contains("1 Summary") && screen.contains("Reference"), "layout lost:\n\(screen)")
    }

    @Test("Piped text output of list, show, log, verify and hash carries no raw ESC, C1, CR or BS")
    func escapeInjectionPiped() throws {
        let folder = try TemporaryDirectory("piped")
        let cli = try hostileDesk(folder)
        let file = folder.path("evil\u{1B}]0;pwned\u{07}\u{202E}gpj.exe")
        try Data("evidence".utf8).write(to: URL(fileURLWithPath: file))
        for arguments in [["list"], ["show", "OUT-2026-0001"], ["log", "OUT-2026-0001"], ["verify"], ["hash", file]] {
            let result = try cli.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            for stream in [result.stdout, result.stderr] {
                let raw = stream.unicodeScalars.filter {
                    $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x0D || $0.value == 0x08 || (0x80...0x9F).contains($0.value)
                        || $0.value == 0x202E
                }
                #expect(raw.isEmpty, "\(arguments) printed raw control characters: \(raw.map { String($0.value, radix: 16) })")
            }
        }
    }

    @Test("CJK, emoji, 500 combining marks and a 10,000-character note: no crash, columns within the screen, resize to 20×5 and back")
    func widthStress() throws {
        let folder = try TemporaryDirectory("width")
        let cli = try stressDesk(folder)
        let desk = try open(cli)
        try desk.waitFor("Needs attention")
        try openDetail("OUT-2026-0001", in: desk)
        let screen = try desk.waitFor("東京")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { DisplayWidth.of(String($0)) <= 100 }, "\(screen)")
        try desk.resize(width: 20, height: 5)
        try desk.waitFor("too small")
        try desk.resize(width: 100, height: 30)
        try desk.waitFor("東京")
        #expect(!(try desk.hasExited()))
        let shown = try cli.run(["show", "OUT-2026-0001"])
        #expect(shown.status == 0 && shown.stdout.contains("東京"))
    }

    @Test("A flag and an emoji made wide by U+FE0F are drawn whole, and nothing of the page before stays beside them")
    func flagsAndEmojiDrawnWhole() throws {
        let folder = try TemporaryDirectory("flags")
        let store = try Fixtures.store(in: folder)
        var request = Fixtures.request(facts: String(repeating: "Summary text under the authority line. ", count: 8))
        request.counterpartAuthority = "Wien 🇦🇹 Vault 🗄️ خزنة"
        _ = try store.create(request)
        try store.close()
        let cli = CommandRunner(database: folder.path("desk.sqlite"))
        let desk = try open(cli)
        try desk.waitFor("Needs attention")
        try openDetail("OUT-2026-0001", in: desk)
        try desk.press("2")
        let screen = try desk.waitFor("Wien")
        let line = try #require(screen.split(separator: "\n").first { $0.contains("Wien") })
        #expect(line.contains("🇦🇹"), "both halves of the flag: \(line)")
        let scalars = Array(line.unicodeScalars)
        let emoji = try #require(scalars.firstIndex { $0.value == 0x1F5C4 }, "\(line)")
        let arabic = try #require(scalars.firstIndex { $0 == "خ" }, "\(line)")
        #expect(scalars[(emoji + 1)..<arabic].allSatisfy { $0 == " " || $0.value == 0xFE0F }, "only blanks after the emoji: \(line)")
    }

    @Test("TERM=dumb is refused with a message that says what to set")
    func dumbTerminal() throws {
        let folder = try TemporaryDirectory("dumb")
        let cli = try Reliability.desk(in: folder)
        let desk = try TmuxSession(shellCommand: "TERM=dumb \(TmuxSession.quote(CommandRunner.binary)); echo \"EXIT=$?\"; exec sleep 600",
                                   environment: cli.environment)
        let screen = try desk.waitFor("EXIT=")
        #expect(screen.contains("EXIT=1"))
        #expect(screen.contains("dumb") && screen.contains("TERM=xterm-256color"), "\(screen)")
    }

    @Test("LANG=C: the desk still draws wide characters (the character type falls back to C.UTF-8)")
    func plainCLocale() throws {
        let folder = try TemporaryDirectory("langc")
        let cli = try stressDesk(folder)
        var environment = cli.environment
        environment["LANG"] = "C"
        environment["TERM"] = "xterm-256color"
        let desk = try TmuxSession(arguments: [], environment: environment)
        try desk.waitFor("Needs attention")
        try openDetail("OUT-2026-0001", in: desk)
        try desk.waitFor("東京")
    }

    @Test("A file name that is not valid UTF-8 is hashed and shown, not crashed on")
    func invalidUTF8FileName() throws {
        let folder = try TemporaryDirectory("bytes")
        let cli = CommandRunner(database: folder.path("desk.sqlite"))
        try Data("evidence".utf8).write(to: URL(fileURLWithPath: folder.path("plain.bin")))
        let expected = try Reliability.run("/usr/bin/sha256sum", [folder.path("plain.bin")]).stdout.prefix(64)
        let result = try Reliability.shell(
            "f=\"$(printf '%s/bad\\377\\376name.bin' \(TmuxSession.quote(folder.path)))\"; cp \(TmuxSession.quote(folder.path("plain.bin"))) \"$f\"; exec \(TmuxSession.quote(CommandRunner.binary)) hash \"$f\"",
            cli)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(expected.count == 64 && result.stdout.contains(expected), "\(result.stdout)")
        #expect(result.stdout.contains("name.bin"))
    }

    private func hostileDesk(_ folder: TemporaryDirectory) throws -> CommandRunner {
        let store = try Fixtures.store(in: folder)
        var request = Fixtures.request(facts: Self.hostile)
        request.operation = Self.hostile
        request.counterpartAuthority = Self.hostile
        request.notes = Self.hostile
        _ = try store.create(request)
        try store.close()
        let cli = CommandRunner(database: folder.path("desk.sqlite"))
        #expect(try cli.run(["verify"]).status == 0)
        return cli
    }

    private func stressDesk(_ folder: TemporaryDirectory) throws -> CommandRunner {
        let store = try Fixtures.store(in: folder)
        let marks = String(repeating: "\u{0301}", count: 500)
        var request = Fixtures.request(facts: "東京の事件 🇩🇪 👨‍👩‍👧 e\(marks) end of marks; 한국어 텍스트")
        request.operation = "作戦-東京-\(marks)"
        request.notes = (0..<1_000).map { "note\($0 % 10)-東 " }.joined()
        _ = try store.create(request)
        try store.close()
        let cli = CommandRunner(database: folder.path("desk.sqlite"))
        #expect(try cli.run(["verify"]).status == 0)
        return cli
    }

    private func open(_ cli: CommandRunner) throws -> TmuxSession {
        var environment = cli.environment
        environment["TERM"] = "xterm-256color"
        return try TmuxSession(arguments: [], environment: environment)
    }

    private func openDetail(_ reference: String, in desk: TmuxSession) throws {
        try desk.press("l")
        try desk.waitFor("of 1")
        try desk.press("Enter")
        try desk.waitFor("1 Summary")
    }
}
