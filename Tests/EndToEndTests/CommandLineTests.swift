import DeskTestSupport
import Foundation
import Testing

@Suite("The command line, run as a real process")
struct CommandLineTests {
    @Test("init creates a desk once; a second init refuses with exit 1")
    func initOnce() throws {
        let folder = try TemporaryDirectory()
        let cli = CommandRunner(database: folder.path("desk.sqlite"))
        let first = try cli.run(["init"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Created desk"))
        let second = try cli.run(["init"])
        #expect(second.status == 1)
        #expect(second.stderr.contains("already exists"))

        var home = CommandRunner(database: "", extra: ["HOME": folder.path("home")])
        home.environment.removeValue(forKey: "MLADESK_DB")
        #expect(try home.run(["init"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.path("home/.local/share/mladesk/desk.sqlite")),
                "the default desk is under HOME as the shell has it")
    }

    @Test("Usage errors exit 2 with a message on standard error")
    func usage() throws {
        let folder = try TemporaryDirectory()
        let cli = CommandRunner(database: folder.path("desk.sqlite"))
        for arguments in [["list", "--status", "nonsense"], ["list", "--country", "GERMANY"], ["frobnicate"], ["show"],
                          ["list", "--officer", " "], ["list", "--officer", "Ana\nMallory"], ["list", "--officer", "Ana\u{1B}[2J"],
                          ["status", "OUT-2026-0001", "transmitted", "--at", "2099-01-01"],
                          ["status", "OUT-2026-0001", "transmitted", "--at", "yesterday"], ["list", "--search", "a"]] {
            let result = try cli.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.status) \(result.stderr)")
            #expect(!result.stderr.isEmpty)
        }
        for officer in ["a\u{1B}[2Jb", String(repeating: "Ana ", count: 100)] {
            let result = try CommandRunner(database: folder.path("desk.sqlite"), officer: officer).run(["list"])
            #expect(result.status == 2 && result.stderr.contains("MLADESK_OFFICER"), "the variable is held to --officer's rules: \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path("desk.sqlite")))
    }

    @Test("A foreign file is refused with exit 1, one sentence, and left unchanged")
    func foreignFile() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("notes.txt")
        try Data("shopping list\n".utf8).write(to: URL(fileURLWithPath: path))
        let result = try CommandRunner(database: path).run(["list"])
        #expect(result.status == 1)
        #expect(result.stderr == "mladesk: \(path) is not an MLA Desk file: it is not an SQLite database. Nothing was written to it.\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("shopping list\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
    }

    @Test("Status changes follow the workflow; refusals need a ground; verify stays sound")
    func statusFlow() throws {
        let folder = try TemporaryDirectory()
        let cli = CommandRunner(database: folder.path("desk.sqlite"))
        let archive = try TemporaryDirectory()
        try writeArchive(to: archive.path("in.json"))
        #expect(try cli.run(["import", archive.path("in.json")]).status == 0)
        let wrong = try cli.run(["status", "OUT-2026-0001", "executed"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("cannot move from draft to executed"))
        let unknownChannel = try cli.run(["status", "OUT-2026-0001", "internal_review", "--channel", "pigeon"])
        #expect(unknownChannel.status == 1 && unknownChannel.stderr.contains("'pigeon' is not a known channel"))
        #expect(try cli.run(["status", "OUT-2026-0001", "internal_review", "--note", "ready", "--channel", "central_authority"]).status == 0)
        let withChannel = try cli.run(["show", "OUT-2026-0001", "--format", "json"]).stdout
        #expect(withChannel.contains("\"channel\" : \"central_authority\""), "the channel is recorded with the step")
        let noGround = try cli.run(["status", "OUT-2026-0001", "withdrawn"])
        #expect(noGround.status == 1 && noGround.stderr.contains("needs a reason"))
        let show = try cli.run(["show", "OUT-2026-0001"])
        #expect(show.stdout.contains("draft → internal_review"))
        let json = try cli.run(["show", "out-2026-0001", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["request"] as? [String: Any])?["status"] as? String == "internal_review")
        let verify = try cli.run(["verify"])
        #expect(verify.status == 0 && verify.stdout.contains("is sound"), "\(verify.stdout)\(verify.stderr)")
        let log = try cli.run(["log", "OUT-2026-0001"])
        #expect(log.stdout.contains("Ana Müller") && log.stdout.contains("status: draft → internal_review"))
    }

    @Test("A relative desk path in folders that do not exist yet makes them, from the working folder")
    func relativeDeskPath() throws {
        let folder = try TemporaryDirectory()
        for (command, name) in [(["init"], "made/desk.sqlite"), (["demo", "--count", "3"], "demo/deeper/desk.sqlite")] {
            let cli = CommandRunner(database: name, workingDirectory: folder.path)
            let result = try cli.run(command)
            #expect(result.status == 0, "\(command): \(result.status) \(result.stderr)")
            #expect(FileManager.default.fileExists(atPath: folder.path(name)))
        }
    }

    @Test("--out never writes over a file without --replace, and replaces only a regular file: a pipe, a link or a folder is refused and left")
    func outRefusesWhatIsNotAFile() throws {
        let folder = try TemporaryDirectory()
        let cli = CommandRunner(database: folder.path("desk.sqlite"))
        #expect(try cli.run(["demo", "--count", "2"]).status == 0)
        #expect(mkfifo(folder.path("pipe"), 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: folder.path("link"), withDestinationPath: folder.path("target"))
        try FileManager.default.createDirectory(atPath: folder.path("dir"), withIntermediateDirectories: false)
        for (name, kind) in [("pipe", "a FIFO"), ("link", "a symbolic link"), ("dir", "a folder")] {
            let result = try cli.run(["export", "--out", folder.path(name)])
            #expect(result.status == 1 && result.stderr.contains(kind), "\(name): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path("target")))
        var info = stat()
        #expect(lstat(folder.path("pipe"), &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        #expect(try cli.run(["export", "--out", folder.path("plain.json")]).status == 0)
        try Data("an earlier export\n".utf8).write(to: URL(fileURLWithPath: folder.path("plain.json")))
        let again = try cli.run(["export", "--out", folder.path("plain.json")])
        #expect(again.status == 1 && again.stderr.contains("already exists and was left as it was") && again.stderr.contains("--replace"),
                "\(again.stderr)")
        #expect(try String(contentsOfFile: folder.path("plain.json"), encoding: .utf8) == "an earlier export\n")
        #expect(try cli.run(["export", "--out", folder.path("plain.json"), "--replace"]).status == 0)
        #expect(try String(contentsOfFile: folder.path("plain.json"), encoding: .utf8).contains("mladesk-requests"))
        #expect(try cli.run(["export", "--replace"]).status == 2, "--replace goes with --out")
        #expect(try cli.run(["key", "show"]).status == 0)
        let before = try cli.run(["log"]).stdout
        try FileManager.default.createSymbolicLink(atPath: folder.path("alias"), withDestinationPath: folder.path)
        #expect(link(folder.path("desk.sqlite.key"), folder.path("key-link")) == 0)
        for own in ["desk.sqlite", "alias/desk.sqlite", "desk.sqlite.key", "desk.sqlite-wal", "key-link"] {
            let result = try cli.run(["export", "--out", folder.path(own), "--replace"])
            #expect(result.status == 1 && result.stderr.contains("is the desk"), "\(own): \(result.stderr)")
        }
        #expect(try cli.run(["log"]).stdout == before, "the desk and its trail are as they were")
        #expect(try cli.run(["key", "show"]).status == 0, "the signing key is still there")
        #expect(!FileManager.default.fileExists(atPath: folder.path("desk.sqlite-wal")))
        for empty in [["list", "--db", ""], ["list", "--data", ""]] {
            let result = try cli.run(empty)
            #expect(result.status == 2 && result.stderr.contains("needs a"), "an empty path is not the default one: \(result.stderr)")
        }
        let hostile = try cli.run(["show", "OUT\u{1B}[2J\u{1B}]0;pwned\u{07}"])
        #expect(hostile.status == 2 && hostile.stderr.contains("^[[2J") && !hostile.stderr.contains("\u{1B}"),
                "a usage error quotes what was typed visibly: \(hostile.stderr)")
    }

    @Test("A package is never imported into a desk that does not exist: it is not made, and the message says what to do")
    func packageNeedsADesk() throws {
        let folder = try TemporaryDirectory()
        let cli = CommandRunner(database: folder.path("new/desk.sqlite"))
        try FileManager.default.createDirectory(atPath: folder.path("package"), withIntermediateDirectories: false)
        let result = try cli.run(["import", "--package", folder.path("package")])
        #expect(result.status == 1 && result.stderr.contains("mladesk key trust"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("new")))
    }

    @Test("Help offers each command only the formats it writes; help on a command that does not exist and a horizon beyond a century are usage errors")
    func helpAndBounds() throws {
        let folder = try TemporaryDirectory()
        let cli = CommandRunner(database: folder.path("desk.sqlite"))
        #expect(try cli.run(["list", "--help"]).stdout.contains("values: table, json, csv"))
        for command in ["show", "checklist", "agenda", "log", "hash"] {
            let help = try cli.run([command, "--help"]).stdout
            #expect(help.contains("values: text, json;"), "\(command): \(help)")
        }
        #expect(try cli.run(["hash", "--help"]).stdout.contains("default: sha256)"))
        let stdin = try cli.run(["hash", "-"])
        #expect(stdin.status == 2 && stdin.stderr.contains("not standard input"), "\(stdin.stderr)")
        #expect(try cli.run(["help", "evidence", "custody"]).stdout.contains("Append a custody event"))
        #expect(try cli.run(["help", "key", "trust"]).stdout.contains("USAGE: mladesk key trust"), "a command named by its type")
        for (arguments, problem) in [(["help", "bogus"], "There is no command 'bogus'. Commands: open, init,"),
                                     (["help", "evidence", "bogus"], "There is no command 'bogus' under 'evidence'. Commands: list,"),
                                     (["help", "status", "extra"], "'status' has no commands under it; see mladesk help status")] {
            let result = try cli.run(arguments)
            #expect(result.status == 2 && result.stderr.contains(problem) && result.stdout.isEmpty, "\(arguments): \(result.stderr)")
        }
        let agenda = try cli.run(["agenda", "--days", "106751991167"])
        #expect(agenda.status == 2 && agenda.stderr.contains("--days must be between 0 and 36500"), "\(agenda.stderr)")
        for (arguments, problem) in [(["list", "--limit", "-1"], "--limit must be 1 or more"),
                                     (["list", "--limit", "0"], "--limit must be 1 or more"),
                                     (["list", "--search", "\"*-"], "--search needs a word or a number"),
                                     (["agenda", "--days", "-3"], "--days must be between 0 and 36500"),
                                     (["demo", "--count", "-5"], "--count takes 1 to 1,000,000")] {
            let result = try cli.run(arguments)
            #expect(result.status == 2 && result.stderr.contains(problem), "a negative number is named as such: \(result.stderr)")
        }
    }

    @Test("list --assigned finds an officer by part of the name, any case, accents aside; a part naming several is a usage error")
    func assignedByPartOfTheName() throws {
        let folder = try TemporaryDirectory()
        let cli = CommandRunner(database: folder.path("desk.sqlite"))
        #expect(try cli.run(["demo", "--count", "60", "--seed", "3"]).status == 0)
        let exact = try cli.run(["list", "--assigned", "Søren Østergaard", "--format", "csv", "--limit", "500"]).stdout
        #expect(exact.split(separator: "\n").count > 1, "the demo desk has requests of Søren Østergaard")
        for part in ["SØREN", "østergaard", "søren_ø"] {
            #expect(try cli.run(["list", "--assigned", part, "--format", "csv", "--limit", "500"]).stdout == exact, "\(part)")
        }
        let accented = try cli.run(["list", "--assigned", "Zoë Ó Briain", "--format", "csv", "--limit", "500"]).stdout
        #expect(try cli.run(["list", "--assigned", "zoe", "--format", "csv", "--limit", "500"]).stdout == accented, "accents aside")
        let several = try cli.run(["list", "--assigned", "m"])
        #expect(several.status == 2 && several.stderr.contains("could be"), "\(several.stderr)")

        let emergencies = try cli.run(["list", "--urgency", "emergency", "--status", "assessed", "--limit", "500"]).stdout
            .split(separator: "\n").dropFirst().filter { !$0.hasPrefix("(") }
        #expect(!emergencies.isEmpty)
        #expect(emergencies.allSatisfy { $0.dropFirst().hasPrefix("*") }, "the table marks emergencies as the desk does: \(emergencies)")
        let overdue = try cli.run(["list", "--overdue", "--limit", "500"]).stdout.split(separator: "\n").dropFirst()
            .filter { !$0.hasPrefix("(") }
        #expect(!overdue.isEmpty && overdue.allSatisfy { $0.hasPrefix("!") }, "\(overdue)")

        let listed = try cli.run(["list", "--overdue", "--format", "json", "--limit", "1"]).stdout
        let row = try #require(try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]]).first
        let reference = try #require(row?["reference"] as? String)
        #expect(row?["direction"] as? String == (reference.hasPrefix("IN-") ? "in" : "out"))
        let shown = try cli.run(["show", reference, "--format", "json"]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(shown.utf8)) as? [String: Any])
        let next = try #require(object["nextDeadline"] as? [String: Any], "an overdue request has a deadline that has passed")
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        #expect((next["due"] as? String).flatMap(formatter.date(from:)).map { $0 < Date() } == true, "\(next)")
        #expect((object["deadlines"] as? [Any])?.isEmpty == false)

        #expect(try cli.run(["export", "--out", folder.path("all.json")]).status == 0)
        let imported = try CommandRunner(database: folder.path("copy.sqlite")).run(["import", folder.path("all.json")])
        #expect(imported.stdout.contains("Imported 60 request(s)") && imported.stdout.contains("… and 40 more"),
                "the list of what was added says it is cut: \(imported.stdout)")
    }

    @Test("list filters and prints table, JSON and CSV; hostile text is shown visibly")
    func listFormats() throws {
        let folder = try TemporaryDirectory()
        let cli = CommandRunner(database: folder.path("desk.sqlite"))
        let archive = try TemporaryDirectory()
        try writeArchive(to: archive.path("in.json"), officer: "Evil\u{1B}]0;pwned\u{07}Officer")
        #expect(try cli.run(["import", archive.path("in.json")]).status == 0)
        let table = try cli.run(["list"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("OUT-2026-0001"))
        #expect(!table.stdout.contains("\u{1B}"))
        #expect(table.stdout.contains("^["))
        let csv = try cli.run(["list", "--format", "csv", "--country", "de"])
        #expect(csv.stdout.hasPrefix("reference,direction,country"))
        #expect(csv.stdout.contains("OUT-2026-0001,out,DE"))
        #expect(!csv.stdout.contains("\u{1B}") && csv.stdout.contains("^["))
        let json = try cli.run(["list", "--format", "json", "--search", "phishing"])
        let rows = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(rows?.count == 1)
        let none = try cli.run(["list", "--direction", "in"])
        #expect(none.stdout.contains("No requests match."))
        let unknown = try cli.run(["list", "--country", "XX"])
        #expect(unknown.status == 2 && unknown.stderr.contains("--country XX is not a country of the reference data"), "\(unknown.stderr)")

        let formulas = CommandRunner(database: folder.path("formulas.sqlite"))
        try writeArchive(to: archive.path("formula.json"), officer: "=HYPERLINK(\"http://192.0.2.1/\",\"open\")")
        #expect(try formulas.run(["import", archive.path("formula.json")]).status == 0)
        let cells = try formulas.run(["list", "--format", "csv"]).stdout
        #expect(cells.contains(#"'=HYPERLINK(""http://192.0.2.1/"",""open"")"#), "a formula is kept as text: \(cells)")

        let reordering = CommandRunner(database: folder.path("bidi.sqlite"))
        let officer = "\u{9B}31mRed\u{202E}gpj.exe"
        try writeArchive(to: archive.path("bidi.json"), officer: officer)
        #expect(try reordering.run(["import", archive.path("bidi.json")]).status == 0)
        let listed = try reordering.run(["list", "--format", "json"]).stdout
        #expect(!listed.contains("\u{9B}") && !listed.contains("\u{202E}"), "nothing a terminal obeys reaches it raw")
        #expect(listed.contains(#"\u009B31mRed\u202Egpj.exe"#), "\(listed)")
        let decoded = try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]]
        #expect(decoded?.first?["officer"] as? String == officer, "the escapes read back as the same text")
        let exported = try reordering.run(["export"]).stdout
        #expect(!exported.contains("\u{9B}") && !exported.contains("\u{202E}") && exported.contains(#"\u009B31mRed"#))
        try Data(exported.utf8).write(to: URL(fileURLWithPath: archive.path("escaped.json")))
        #expect(try reordering.run(["import", "--dry-run", archive.path("escaped.json")]).stdout.contains("1 already here unchanged"),
                "the escaped export reads back as the same requests")
    }

    @Test("export then import into a second desk reproduces the requests; a bad file changes nothing")
    func exportImport() throws {
        let folder = try TemporaryDirectory()
        let first = CommandRunner(database: folder.path("a.sqlite"))
        try writeArchive(to: folder.path("seed.json"))
        #expect(try first.run(["import", folder.path("seed.json")]).status == 0)
        #expect(try first.run(["export", "--out", folder.path("out.json")]).status == 0)
        let second = CommandRunner(database: folder.path("b.sqlite"))
        #expect(try second.run(["init"]).status == 0)
        let dry = try second.run(["import", "--dry-run", folder.path("out.json")])
        #expect(dry.stdout.contains("Would import 1 request(s)"))
        #expect(try second.run(["import", folder.path("out.json")]).status == 0)
        let a = try first.run(["show", "OUT-2026-0001", "--format", "json"]).stdout
        let b = try second.run(["show", "OUT-2026-0001", "--format", "json"]).stdout
        #expect(a == b)
        try Data(#"{"format":"mladesk-requests","version":1,"requests":[{"request":{}}]}"#.utf8).write(to: URL(fileURLWithPath: folder.path("bad.json")))
        let before = try second.run(["export"]).stdout
        let bad = try second.run(["import", folder.path("bad.json")])
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("mladesk: Import refused, nothing was changed:"))
        #expect(try second.run(["export"]).stdout.replacingOccurrences(of: #""exportedAt" : "[^"]*""#, with: "", options: .regularExpression)
                == before.replacingOccurrences(of: #""exportedAt" : "[^"]*""#, with: "", options: .regularExpression))
    }

    @Test("An archive refused, or only tried with --dry-run, leaves no desk where there was none")
    func noDeskLeftBehind() throws {
        let folder = try TemporaryDirectory()
        try writeArchive(to: folder.path("good.json"))
        let good = try Data(contentsOf: URL(fileURLWithPath: folder.path("good.json")))
        try Fixtures.archive(good, editingRequest: 0, at: ["request", "status"], to: 42)
            .write(to: URL(fileURLWithPath: folder.path("bad.json")))

        let refused = CommandRunner(database: folder.path("refused.sqlite"))
        let bad = try refused.run(["import", folder.path("bad.json")])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("requests[0].request.status"), "\(bad.stderr)")
        let tried = CommandRunner(database: folder.path("tried.sqlite"))
        let dry = try tried.run(["import", "--dry-run", folder.path("good.json")])
        #expect(dry.status == 0 && dry.stdout.contains("Would import 1 request(s)"))
        let made = CommandRunner(database: folder.path("made.sqlite"))
        #expect(try made.run(["import", folder.path("good.json")]).status == 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".sqlite") }
        #expect(left.allSatisfy { $0.hasPrefix("made.sqlite") } && left.contains("made.sqlite"), "\(left)")
    }

    /// A one-request archive, as another desk would have exported it.
    private func writeArchive(to path: String, officer: String = "Ana Müller") throws {
        let request: [String: Any] = [
            "id": "6A1C5F0E-3B7D-4F1A-9C55-1D2E3F405161", "reference": "OUT-2026-0001", "foreignReference": "",
            "counterpartCountry": "DE", "counterpartAuthority": "Bundesamt für Justiz", "ourAuthority": "Cybercrime Unit",
            "legalBasis": ["instrument": "budapest", "articles": "25, 31"], "types": ["subscriber_info"],
            "channel": "central_authority", "urgency": "routine", "offences": ["phishing"],
            "summaryOfFacts": "Phishing kit hosted at secure-login.example.", "assistanceSought": "Subscriber data.",
            "identifiers": [["kind": "domain", "value": "secure-login.example"]], "serviceProviders": [],
            "operation": "OP-NIGHTJAR", "assignedOfficer": officer, "confidentiality": "", "limitationOfUse": "",
            "dates": ["created": "2026-11-02T08:00:00.000Z"], "status": "draft", "notes": "", "version": 1,
            "updatedAt": "2026-11-02T08:00:00.000Z", "updatedBy": "Ana Müller",
        ]
        let archive: [String: Any] = [
            "format": "mladesk-requests", "version": 1, "exportedAt": "2026-11-02T08:00:00.000Z", "deskID": "other",
            "requests": [[
                "request": request,
                "history": [["to": "draft", "at": "2026-11-02T08:00:00.000Z", "officer": "Ana Müller", "note": "registered"]],
                "checklist": [], "exchanges": [], "items": [], "custody": [],
            ]],
        ]
        try JSONSerialization.data(withJSONObject: archive).write(to: URL(fileURLWithPath: path))
    }
}
