import DeskCore
import DeskStore
import DeskTestSupport
import Foundation
import Testing

@Suite("Checklists, gates and the agenda on the command line")
struct ChecklistCommandTests {
    /// A desk holding one outgoing preservation request (OUT-2026-0001), created as the desk would.
    private func desk(in folder: TemporaryDirectory) throws -> CommandRunner {
        let path = folder.path("desk.sqlite")
        let store = try DeskStore.open(path: path, officer: "Ana Müller", reference: Fixtures.reference)
        var request = Fixtures.request(types: ["preservation"])
        request.dates.created = Date()
        _ = try store.create(request)
        try store.close()
        return CommandRunner(database: path)
    }

    @Test("checklist shows groups, marks and the meter; check ticks, marks not applicable and undoes")
    func checklistAndCheck() throws {
        let folder = try TemporaryDirectory()
        let cli = try desk(in: folder)
        let empty = try cli.run(["checklist", "OUT-2026-0001"])
        #expect(empty.status == 0, "\(empty.stderr)")
        #expect(empty.stdout.contains("Required 0/6"))
        #expect(empty.stdout.contains("== Preservation"))
        #expect(empty.stdout.contains("[ ] * Custodian of the data or location of the system  (art29.custodian)"))
        let ticked = try cli.run(["check", "OUT-2026-0001", "art29.custodian", "--note", "Example Mail GmbH, Berlin"])
        #expect(ticked.status == 0 && ticked.stdout.contains("[x] Custodian") && ticked.stdout.contains("Required 1/6"))
        let na = try cli.run(["check", "OUT-2026-0001", "art29.necessity", "--na", "logs kept 7 days only, stated in the letter"])
        #expect(na.status == 1 && na.stderr.contains("'Necessity of the preservation' is needed in every request of this kind; "
            + "it cannot be marked not applicable"), "one of the six items Art. 29 requires: \(na.stderr)")
        let unknown = try cli.run(["check", "OUT-2026-0001", "art29.nothing"])
        #expect(unknown.status == 1 && unknown.stderr.contains("Checklist item 'art29.nothing' of OUT-2026-0001 was not found"))
        let conflicting = try cli.run(["check", "OUT-2026-0001", "art29.necessity", "--undo", "--na", "x"])
        #expect(conflicting.status == 2)
        let undone = try cli.run(["check", "OUT-2026-0001", "art29.custodian", "--undo"])
        #expect(undone.stdout.contains("Required 0/6"), "\(undone.stdout)")
        #expect(try cli.run(["check", "OUT-2026-0001", "art29.custodian"]).stdout.contains("Required 1/6"))
        let json = try cli.run(["checklist", "OUT-2026-0001", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["progress"] as? [String: Any])?["requiredSettled"] as? Int == 1)
        #expect(((object["blocking"] as? [String: Any])?["transmitted"] as? [String])?.count == 5)
        let text = try cli.run(["checklist", "OUT-2026-0001"]).stdout
        #expect(text.contains("note: Example Mail GmbH, Berlin") && text.contains("Ana Müller"))
        #expect(try cli.run(["verify"]).status == 0)
    }

    @Test("status refuses to transmit with the missing items named; once ticked it transmits and the agenda shows the expiry")
    func gateThenTransmit() throws {
        let folder = try TemporaryDirectory()
        let cli = try desk(in: folder)
        #expect(try cli.run(["status", "OUT-2026-0001", "internal_review"]).status == 0)
        #expect(try cli.run(["status", "OUT-2026-0001", "approved"]).status == 0)
        try cli.run(["check", "OUT-2026-0001", "art29.requesting_authority"])
        let refused = try cli.run(["status", "OUT-2026-0001", "transmitted"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "mladesk: OUT-2026-0001 cannot move to transmitted: 5 required checklist items are open: "
            + "Offence and brief summary of the facts; Data to preserve and its relationship to the offence; "
            + "Custodian of the data or location of the system; Necessity of the preservation; "
            + "Intent to follow with a request for mutual assistance\n")
        for item in ["art29.offence_facts", "art29.data_link", "art29.custodian", "art29.necessity", "art29.intent_mla"] {
            #expect(try cli.run(["check", "OUT-2026-0001", item]).status == 0)
        }
        let sent = try cli.run(["status", "OUT-2026-0001", "transmitted"])
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(try cli.run(["agenda"]).stdout.contains("Nothing falls due within 14 days."))
        let agenda = try cli.run(["agenda", "--days", "61"])
        #expect(agenda.stdout.contains("OUT-2026-0001") && agenda.stdout.contains("Preservation expires"))
        #expect(agenda.stdout.contains("Preservations expiring: OUT-2026-0001"))
        #expect(try cli.run(["list", "--overdue"]).stdout.contains("No requests match."))
        let show = try cli.run(["show", "OUT-2026-0001"])
        #expect(show.stdout.contains("Preservation expires") && show.stdout.contains("Checklist (Required 6/6)"))
        #expect(try cli.run(["verify"]).status == 0)
    }

    @Test("list --overdue and the agenda name the same overdue requests")
    func overdueAgrees() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("desk.sqlite")
        let store = try DeskStore.open(path: path, officer: "Ana Müller", reference: Fixtures.reference)
        let long = Date().addingTimeInterval(-40 * 86_400)
        var late = Fixtures.request(types: ["subscriber_info"])
        late.dates.sentOrReceived = long
        var recent = Fixtures.request(types: ["testimony"])
        recent.reference.sequence = 2
        recent.dates.sentOrReceived = Date()
        for request in [late, recent] {
            try store.insert([RequestDetails(request: request, history: [StatusChange(from: nil, to: .draft, at: long, officer: "Ana")])],
                             action: "import")
        }
        try store.close()
        let cli = CommandRunner(database: path)
        let overdue = try cli.run(["list", "--overdue", "--format", "csv"]).stdout
        #expect(overdue.contains(late.reference.description) && !overdue.contains("OUT-2026-0002"))
        let agenda = try cli.run(["agenda", "--format", "json"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(agenda.stdout.utf8)) as? [[String: Any]])
        let overdueInAgenda = Set(entries.filter { $0["isOverdue"] as? Bool == true }.compactMap { $0["reference"] as? String })
        #expect(overdueInAgenda == ["OUT-2026-0001"])
    }
}
