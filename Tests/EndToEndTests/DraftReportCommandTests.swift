import DeskCore
import DeskStore
import DeskTestSupport
import Foundation
import Testing

@Suite("draft and report on the command line, run as a real process")
struct DraftReportCommandTests {
    /// A desk with one outgoing preservation request whose IP address lacks its port, and
    /// whose facts carry a terminal escape sequence.
    func desk(_ folder: TemporaryDirectory) throws -> CommandRunner {
        let store = try Fixtures.store(in: folder)
        var request = Fixtures.request(.outgoing, types: ["preservation"],
                                       facts: "Ransomware attack.\u{1B}]0;pwned\u{07} Servers encrypted on 3 November.")
        request.legalBasis = LegalBasis(instrument: "budapest", articles: "29")
        request.confidentiality = "Do not notify the customer."
        request.identifiers[0].port = nil
        request.dates.sentOrReceived = Date(timeIntervalSince1970: 1_772_409_600)
        request.dates.acknowledged = Date(timeIntervalSince1970: 1_772_409_600 + 4 * 86_400)
        let history = [StatusChange(from: nil, to: .draft, at: request.dates.created, officer: "Ana Müller")]
        try store.insert([RequestDetails(request: request, history: history)], action: "import")
        try store.close()
        return CommandRunner(database: folder.path("desk.sqlite"))
    }

    @Test("--list offers the templates that fit; missing fields refuse the draft until --force")
    func draft() throws {
        let folder = try TemporaryDirectory()
        let cli = try desk(folder)
        let list = try cli.run(["draft", "OUT-2026-0001", "--list"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("mla_request") && list.stdout.contains("preservation_request"))
        #expect(!list.stdout.contains("acknowledgement"))

        let refused = try cli.run(["draft", "OUT-2026-0001", "--template", "preservation_request"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("identifiers.port"))
        #expect(refused.stdout.isEmpty)

        let shown = try cli.run(["draft", "OUT-2026-0001", "--template", "preservation_request", "--force"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("source port [MISSING: identifiers.port]"))
        #expect(!shown.stdout.contains("\u{1B}"), "terminal output is sanitised")
        #expect(shown.stderr.contains("missing: identifiers.port"))

        let out = folder.path("preservation.txt")
        let written = try cli.run(["draft", "OUT-2026-0001", "--template", "preservation_request", "--force", "--out", out])
        #expect(written.status == 0, "\(written.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("Ransomware attack.\u{FFFD}]0;pwned\u{FFFD} Servers"), "control characters are marked, not kept")
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
        #expect(text.contains("[MISSING: identifiers.port]"))
        let mode = try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let log = try cli.run(["log", "OUT-2026-0001"])
        #expect(log.stdout.contains("drafted preservation_request → \(out)"), "\(log.stdout)")
        let verify = try cli.run(["verify"])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")

        let kept = try cli.run(["draft", "OUT-2026-0001", "--template", "preservation_request", "--force", "--out", out])
        #expect(kept.status == 1 && kept.stderr.contains("already exists"), "an earlier draft is never written over: \(kept.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == text)
        #expect(try cli.run(["log", "OUT-2026-0001"]).stdout.components(separatedBy: "drafted preservation_request").count == 2,
                "a draft not written is not in the trail")
        let replaced = try cli.run(["draft", "OUT-2026-0001", "--template", "preservation_request", "--force", "--out", out, "--replace"])
        #expect(replaced.status == 0, "\(replaced.stderr)")
    }

    @Test("Usage errors exit 2; an unknown template or request exits 1")
    func draftErrors() throws {
        let folder = try TemporaryDirectory()
        let cli = try desk(folder)
        for arguments in [["draft", "OUT-2026-0001"], ["draft", "OUT-2026-0001", "--list", "--template", "mla_request"],
                          ["draft", "OUT-2026-0001", "--list", "--force"]] {
            #expect(try cli.run(arguments).status == 2, "\(arguments)")
        }
        let unknown = try cli.run(["draft", "OUT-2026-0001", "--template", "sonnet"])
        #expect(unknown.status == 1 && unknown.stderr.contains("known: mla_request"))
        #expect(try cli.run(["draft", "OUT-2026-0099", "--list"]).status == 1)
        let misfit = try cli.run(["draft", "OUT-2026-0001", "--template", "acknowledgement"])
        #expect(misfit.status == 1 && misfit.stdout.isEmpty)
        #expect(misfit.stderr.contains("acknowledgement does not fit OUT-2026-0001: it is for incoming requests"), "\(misfit.stderr)")
        let forced = try cli.run(["draft", "OUT-2026-0001", "--template", "acknowledgement", "--force"])
        #expect(forced.status == 0 && forced.stderr.contains("note: acknowledgement does not fit"), "\(forced.stderr)")
    }

    /// The Art. 29 preservation letter is offered only where Art. 29 is the law: under the
    /// Budapest Convention, not under an EIO or reciprocity.
    @Test("A letter that cites an instrument's article is offered only under that instrument")
    func draftFollowsTheLegalBasis() throws {
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        var request = Fixtures.request(.outgoing, types: ["preservation"])
        request.legalBasis = LegalBasis(instrument: "reciprocity")
        let history = [StatusChange(from: nil, to: .draft, at: request.dates.created, officer: "Ana Müller")]
        try store.insert([RequestDetails(request: request, history: history)], action: "import")
        try store.close()
        let cli = CommandRunner(database: folder.path("desk.sqlite"))
        let list = try cli.run(["draft", "OUT-2026-0001", "--list"])
        #expect(list.stdout.contains("mla_request") && !list.stdout.contains("preservation_request"), "\(list.stdout)")
        let refused = try cli.run(["draft", "OUT-2026-0001", "--template", "preservation_request"])
        #expect(refused.status == 1 && refused.stderr.contains("it is for requests under budapest, budapest_2ap"), "\(refused.stderr)")
    }

    @Test("report prints text and Markdown, and CSV that parses back into the same figures")
    func report() throws {
        let folder = try TemporaryDirectory()
        let cli = try desk(folder)
        let text = try cli.run(["report", "--ascii"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.hasPrefix("MLA Desk report, all requests"), "no period is said in words: \(text.stdout.prefix(60))")
        #expect(text.stdout.contains("Requests in the period: 1 (overdue now: "))
        #expect(text.stdout.contains("nearest-rank"))
        #expect(text.stdout.contains("2026-03 | ") && text.stdout.contains("# 1"))
        let markdown = try cli.run(["report", "--format", "markdown", "--from", "2026-03-01", "--to", "2026-03-31"])
        #expect(markdown.stdout.hasPrefix("# MLA Desk report, 2026-03-01 to 2026-03-31"))
        #expect(markdown.stdout.contains("| Germany | 1 |"))
        let empty = try cli.run(["report", "--from", "2026-04-01"])
        #expect(empty.stdout.hasPrefix("MLA Desk report, from 2026-04-01"))
        #expect(empty.stdout.contains("Requests in the period: 0 (overdue now: 0)."))

        let csv = try cli.run(["report", "--format", "csv"])
        #expect(csv.status == 0)
        let rows = CSVText.parse(csv.stdout)
        #expect(rows.first == ["section", "key", "label", "measure", "value"])
        #expect(rows.dropFirst().allSatisfy { $0.count == 5 })
        #expect(rows.contains(["turnaround_country", "DE", "Germany", "acknowledged_median_days", "4.0"]))
        #expect(rows.contains(["type", "preservation", "Preservation of stored data", "count", "1"]))

        #expect(try cli.run(["report", "--from", "2026-13-01"]).status == 2)
        #expect(try cli.run(["report", "--from", "2026-03-02", "--to", "2026-03-01"]).status == 2)
    }
}

/// Reads RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF), to check what the command wrote.
enum CSVText {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text).makeIterator()
        var pending: Character?
        while let character = pending ?? characters.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    let next = characters.next()
                    if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(field)
                field = ""
            } else if character == "\n" || character == "\r\n" || character == "\r" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty { rows.append(row + [field]) }
        return rows
    }
}
