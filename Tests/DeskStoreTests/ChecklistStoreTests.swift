import DeskCore
import DeskTestSupport
import Foundation
import GRDB
import Testing

@testable import DeskStore

@Suite("Checklists and deadlines in the store")
struct ChecklistStoreTests {
    private static let day: TimeInterval = 86_400

    private func store(in folder: TemporaryDirectory, officer: String = "Ana Müller",
                       now: Date = Fixtures.today) throws -> DeskStore {
        try DeskStore.open(path: folder.path("desk.sqlite"), officer: officer, clock: FixedClock(now),
                           reference: Fixtures.reference)
    }

    private func toTransmitted(_ store: DeskStore, _ request: Request) throws -> Request {
        var current = try store.changeStatus(id: request.id, expectedVersion: request.version, to: .internalReview,
                                             note: "", ground: nil)
        current = try store.changeStatus(id: current.id, expectedVersion: current.version, to: .approved, note: "", ground: nil)
        return current
    }

    @Test("Creating a request builds its checklist from the templates, each item audited; verify stays sound")
    func instantiation() throws {
        let folder = try TemporaryDirectory()
        let store = try store(in: folder)
        let request = try store.create(Fixtures.request(types: ["subscriber_info"]))
        let checklist = try store.checklist(for: request.id)
        #expect(checklist == ChecklistBuilder.build(for: request, templates: Fixtures.reference.checklistTemplates))
        let audited = try store.audit(requestID: request.id).filter { $0.entity == "checklist_item" }
        #expect(audited.count == checklist.count)
        #expect(audited.first?.entityID == "\(request.id.uuidString)/checklist/\(checklist[0].itemID)")
        #expect(try store.verify().isSound)
    }

    @Test("Transmitting is refused while required items are open, naming them; ticked, it goes through")
    func gating() throws {
        let folder = try TemporaryDirectory()
        let store = try store(in: folder)
        let created = try store.create(Fixtures.request(types: ["preservation"]))
        let approved = try toTransmitted(store, created)
        for item in try store.checklist(for: created.id).dropFirst(3) {
            try store.changeChecklistItem(requestID: created.id, itemID: item.itemID, [.done])
        }
        #expect(throws: DeskError.transitionRefused(
            "OUT-2026-0001 cannot move to transmitted: 3 required checklist items are open: Authority seeking preservation; "
                + "Offence and brief summary of the facts; Data to preserve and its relationship to the offence")) {
            _ = try store.changeStatus(id: approved.id, expectedVersion: approved.version, to: .transmitted, note: "", ground: nil)
        }
        #expect(try store.details(id: created.id)?.request.status == .approved)
        #expect(throws: DeskError.checklistRefused(
            "'Authority seeking preservation' is needed in every request of this kind; it cannot be marked not applicable: "
                + "fill it in, or withdraw the request"), "one of the six items Art. 29 requires") {
            try store.changeChecklistItem(requestID: created.id, itemID: "art29.requesting_authority",
                                          [.notApplicable(reason: "named in the covering letter")])
        }
        try store.changeChecklistItem(requestID: created.id, itemID: "art29.requesting_authority", [.done, .note("see letter")])
        try store.changeChecklistItem(requestID: created.id, itemID: "art29.offence_facts", [.done])
        try store.changeChecklistItem(requestID: created.id, itemID: "art29.data_link", [.done])
        let sent = try store.changeStatus(id: approved.id, expectedVersion: approved.version, to: .transmitted, note: "", ground: nil)
        #expect(sent.status == .transmitted && sent.version == approved.version + 1)
        #expect(try store.verify().isSound)
    }

    @Test("An incoming request postponed before acceptance goes into execution only with what acceptance needs")
    func noWayRoundAcceptance() throws {
        let folder = try TemporaryDirectory()
        let store = try store(in: folder)
        var request = try store.create(Fixtures.request(.incoming, types: ["subscriber_info"]))
        for target in [RequestStatus.assigned, .assessed] {
            request = try store.changeStatus(id: request.id, expectedVersion: request.version, to: target, note: "", ground: nil)
        }
        let gating = try store.checklist(for: request.id).filter { $0.gates == .accepted && $0.isRequired }
        #expect(!gating.isEmpty, "the fixture's checklist gates acceptance")
        request = try store.changeStatus(id: request.id, expectedVersion: request.version, to: .postponed,
                                         note: "our own investigation first", ground: nil)
        let refusal = #expect(throws: DeskError.self) {
            _ = try store.changeStatus(id: request.id, expectedVersion: request.version, to: .inExecution, note: "", ground: nil)
        }
        #expect(refusal?.description.hasPrefix("IN-2026-0001 cannot move to in_execution: \(gating.count) required checklist item") == true,
                "\(String(describing: refusal))")
        for item in gating {
            try store.changeChecklistItem(requestID: request.id, itemID: item.itemID, [.done])
        }
        let executing = try store.changeStatus(id: request.id, expectedVersion: request.version, to: .inExecution, note: "",
                                               ground: nil)
        #expect(executing.status == .inExecution)

        // Accepted before it was postponed: what acceptance needed was settled then, and going
        // back into execution is a step of its own, whatever was reopened since.
        var accepted = try store.create(Fixtures.request(.incoming, types: ["subscriber_info"]))
        for target in [RequestStatus.assigned, .assessed] {
            accepted = try store.changeStatus(id: accepted.id, expectedVersion: accepted.version, to: target, note: "", ground: nil)
        }
        for item in gating {
            try store.changeChecklistItem(requestID: accepted.id, itemID: item.itemID, [.done])
        }
        accepted = try store.changeStatus(id: accepted.id, expectedVersion: accepted.version, to: .accepted, note: "", ground: nil)
        accepted = try store.changeStatus(id: accepted.id, expectedVersion: accepted.version, to: .postponed,
                                          note: "court order awaited", ground: nil)
        try store.changeChecklistItem(requestID: accepted.id, itemID: gating[0].itemID, [.reopen])
        let resumed = try store.changeStatus(id: accepted.id, expectedVersion: accepted.version, to: .inExecution, note: "",
                                             ground: nil)
        #expect(resumed.status == .inExecution)
    }

    @Test("A granted extension is an audited edit of the request and moves its due date")
    func grantedExtension() throws {
        let folder = try TemporaryDirectory()
        let store = try store(in: folder)
        var draft = Fixtures.request(.incoming, types: ["subscriber_info"])
        draft.legalBasis = LegalBasis(instrument: "eio", articles: "11")
        draft.dates.sentOrReceived = Fixtures.today
        let request = try store.create(draft)
        let before = try #require(try store.deadlines(for: request.id).next)
        let extended = try store.grantExtension(id: request.id, ruleID: "eio_recognition_in")
        #expect(extended.version == request.version + 1 && extended.dates.extensionsGranted == ["eio_recognition_in"])
        let after = try #require(try store.deadlines(for: request.id).computed.first { $0.ruleID == "eio_recognition_in" })
        #expect(after.due == before.extendedDue && after.extendedDue == nil)
        #expect(try store.audit(requestID: request.id).last?.detail == "dates.extensionsGranted: — → [\"eio_recognition_in\"]")
        #expect(throws: DeskError.self) { try store.grantExtension(id: request.id, ruleID: "eio_recognition_in") }
        #expect(try store.verify().isSound)
    }

    @Test("Checklist edits record who and when, are audited, leave the request's version alone, and refuse clearly")
    func edits() throws {
        let folder = try TemporaryDirectory()
        let store = try store(in: folder, officer: "Jean-Luc Dubois")
        let request = try store.create(Fixtures.request())
        let item = try store.changeChecklistItem(requestID: request.id, itemID: "core.translation",
                                                 [.notApplicable(reason: "written in German")])
        #expect(item.state == .notApplicable && item.changedBy == "Jean-Luc Dubois" && item.changedAt == Fixtures.today)
        #expect(try store.details(id: request.id)?.request.version == request.version)
        #expect(try store.audit(requestID: request.id).last?.detail == "checklist core.translation: not applicable: written in German")
        try store.changeChecklistItem(requestID: request.id, itemID: "core.translation", [.notApplicable(reason: "the court reads German")])
        #expect(try store.audit(requestID: request.id).suffix(2).map(\.detail)
            == ["checklist core.translation: not applicable: written in German",
                "checklist core.translation: not applicable: the court reads German"], "the first reason stays in the trail")
        #expect(throws: DeskError.checklistRefused("Marking 'Translation into an accepted language' not applicable needs a reason")) {
            try store.changeChecklistItem(requestID: request.id, itemID: "core.translation", [.notApplicable(reason: " ")])
        }
        #expect(throws: DeskError.checklistRefused(
            "'Legal basis' is needed in every request of this kind; it cannot be marked not applicable: fill it in, or withdraw the request")) {
            try store.changeChecklistItem(requestID: request.id, itemID: "core.legal_basis", [.notApplicable(reason: "n/a")])
        }
        #expect(throws: DeskError.self) { try store.changeChecklistItem(requestID: request.id, itemID: "core.nope", [.done]) }
        #expect(throws: DeskError.notFound("Request \(UUID(uuidString: "00000000-0000-0000-0000-000000000001")!)")) {
            try store.changeChecklistItem(requestID: UUID(uuidString: "00000000-0000-0000-0000-000000000001")!,
                                          itemID: "core.legal_basis", [.done])
        }
        #expect(try store.verify().isSound)
    }

    /// A desk in `folder` holding one subscriber request, and the first item of its checklist.
    private func deskWithChecklist(in folder: TemporaryDirectory) throws -> (DeskStore, Request, ChecklistItem) {
        let desk = try store(in: folder)
        let request = try desk.create(Fixtures.request(types: ["subscriber_info"]))
        return (desk, request, try #require(try desk.checklist(for: request.id).first))
    }

    @Test("A change that leaves an item as it is is refused, and writes no audit row")
    func noChangeIsNoChange() throws {
        let folder = try TemporaryDirectory()
        let (desk, request, item) = try deskWithChecklist(in: folder)
        try desk.changeChecklistItem(requestID: request.id, itemID: item.itemID, [.done, .note("Seen")])
        let rows = try desk.auditTrail().count
        for again: ChecklistChange in [.done, .note("Seen")] {
            let error = #expect(throws: DeskError.self) {
                try desk.changeChecklistItem(requestID: request.id, itemID: item.itemID, [again])
            }
            #expect(error?.description.contains("is already done") == true, "\(String(describing: error))")
        }
        #expect(try desk.auditTrail().count == rows)
    }

    @Test("A change to an item someone changed since it was shown is refused and changes nothing")
    func staleItemIsNotOverwritten() throws {
        let folder = try TemporaryDirectory()
        let (desk, request, shown) = try deskWithChecklist(in: folder)
        let other = try store(in: folder, officer: "Søren Østergaard", now: Fixtures.today.addingTimeInterval(60))
        try other.changeChecklistItem(requestID: request.id, itemID: shown.itemID, [.note("Confirmed by phone")])
        let error = #expect(throws: DeskError.self) {
            try desk.changeChecklistItem(requestID: request.id, itemID: shown.itemID, [.note("Mine")], seen: shown)
        }
        #expect(error?.description.contains("was changed by Søren Østergaard at") == true, "\(String(describing: error))")
        #expect(try desk.checklist(for: request.id).first?.note == "Confirmed by phone")
        let current = try #require(try desk.checklist(for: request.id).first)
        #expect(try desk.changeChecklistItem(requestID: request.id, itemID: shown.itemID, [.done], seen: current).state == .done)
    }

    @Test("Changing the type on update keeps filled items, marks irrelevant ones obsolete, audits each change")
    func typeChange() throws {
        let folder = try TemporaryDirectory()
        let store = try store(in: folder)
        var request = try store.create(Fixtures.request(types: ["subscriber_info"]))
        try store.changeChecklistItem(requestID: request.id, itemID: "data.identifiers", [.done, .note("IP with port 443")])
        try store.changeChecklistItem(requestID: request.id, itemID: "core.summary_of_facts", [.done])
        request.types = ["search_seizure"]
        request = try store.update(request)
        let checklist = try store.checklist(for: request.id)
        let identifiers = try #require(checklist.first { $0.itemID == "data.identifiers" })
        #expect(identifiers.isObsolete && identifiers.state == .done && identifiers.note == "IP with port 443")
        #expect(checklist.first { $0.itemID == "core.summary_of_facts" }?.state == .done)
        #expect(checklist.first { $0.itemID == "search.grounds" }?.state == .open)
        let details = try store.audit(requestID: request.id).map(\.detail)
        #expect(details.contains("checklist data.identifiers: no longer applies"))
        #expect(details.contains("checklist search.grounds: added"))
        #expect(throws: DeskError.self) { try store.changeChecklistItem(requestID: request.id, itemID: "data.identifiers", [.reopen]) }
        #expect(try store.verify().isSound)
        try store.pool.write { db in
            try db.execute(sql: "UPDATE checklist_item SET body = replace(body, '\"done\"', '\"open\"') WHERE item_id = 'core.summary_of_facts'")
        }
        #expect(try store.verify().recordProblems == ["Checklist item core.summary_of_facts differs from its last audited state (changed behind the program's back)"])
    }

    @Test("Edits that leave direction, types, legal basis and urgency alone leave the checklist as stored")
    func unrelatedEditKeepsChecklist() throws {
        let folder = try TemporaryDirectory()
        var request = try store(in: folder).create(Fixtures.request(types: ["subscriber_info"]))
        var reworded = Fixtures.reference
        reworded.checklistTemplates[0].items[0].label = "Reworded after the desk's last release"
        let store = try DeskStore.open(path: folder.path("desk.sqlite"), officer: "Ana Müller",
                                       clock: FixedClock(Fixtures.today), reference: reworded)
        let before = try store.checklist(for: request.id)
        request.notes = "Called the central authority."
        request = try store.update(request)
        #expect(try store.checklist(for: request.id) == before)
        #expect(try store.audit(requestID: request.id).last?.detail == "notes:  → Called the central authority.")
        request.urgency = .urgent
        request = try store.update(request)
        let rebuilt = try store.checklist(for: request.id)
        #expect(rebuilt.contains { $0.label == "Reworded after the desk's last release" })
        #expect(try store.verify().isSound)
    }

    @Test("A request saved without a checklist gets one")
    func missingChecklistIsBuilt() throws {
        let folder = try TemporaryDirectory()
        let store = try store(in: folder)
        try store.insert(batches: [[RequestDetails(request: Fixtures.request())]], action: "import")
        var request = try #require(try store.page(RequestQuery(), offset: 0, limit: 1).first.flatMap { try store.details(id: $0.id) }?.request)
        #expect(try store.checklist(for: request.id).isEmpty)
        request.notes = "Checked."
        request = try store.update(request)
        #expect(try store.checklist(for: request.id) == ChecklistBuilder.build(for: request, templates: Fixtures.reference.checklistTemplates))
        #expect(try store.verify().isSound)
    }

    @Test("The due column holds the computed next due; list --overdue's query and the agenda agree")
    func dueColumnAndAgenda() throws {
        let folder = try TemporaryDirectory()
        let store = try store(in: folder)
        var preservation = try store.create(Fixtures.request(types: ["preservation"]))
        for item in try store.checklist(for: preservation.id) {
            try store.changeChecklistItem(requestID: preservation.id, itemID: item.itemID, [.done])
        }
        preservation = try toTransmitted(store, preservation)
        preservation = try store.changeStatus(id: preservation.id, expectedVersion: preservation.version, to: .transmitted,
                                              note: "", ground: nil)
        var manual = Fixtures.request(types: ["subscriber_info"])
        manual.dates.due = Fixtures.today.addingTimeInterval(3 * Self.day)
        let withManual = try store.create(manual)
        _ = try store.create(Fixtures.request(types: ["testimony"]))
        let expiry = Fixtures.today.addingTimeInterval(60 * Self.day)
        #expect(try store.page(RequestQuery(sort: .due, descending: false), offset: 0, limit: 10).map(\.due)
            == [manual.dates.due, expiry, nil])
        #expect(try store.deadlines(for: preservation.id).next?.due == expiry)
        for days in [1, 10, 50, 61, 100] {
            let now = Fixtures.today.addingTimeInterval(Double(days) * Self.day)
            let overdue = Set(try store.page(RequestQuery(overdueAt: now), offset: 0, limit: 50).map(\.reference))
            let agenda = try store.agenda(now: now, days: 14)
            let agendaOverdue = Set(agenda.filter { $0.isOverdue && $0.isNextDue }.map(\.reference))
            #expect(overdue == agendaOverdue, "day \(days)")
            #expect(Set(agenda.filter(\.isOverdue).map(\.reference)) == overdue, "day \(days)")
            #expect(try store.overview(now: now).preservationsExpiring
                == Set(Agenda.preservationsExpiring(agenda).map(\.requestID)).count,
                "the home page's indexed count agrees with the agenda, day \(days)")
        }
        let later = try store.agenda(now: Fixtures.today.addingTimeInterval(50 * Self.day), days: 14)
        #expect(Agenda.preservationsExpiring(later).map(\.reference) == [preservation.reference])
        #expect(try store.agenda(now: Fixtures.today, days: 14).map(\.reference) == [withManual.reference])

        var postponed = try #require(try store.details(id: preservation.id)).request
        postponed.dates.due = Fixtures.today.addingTimeInterval(90 * Self.day)
        _ = try store.update(postponed)
        let lapsed = Fixtures.today.addingTimeInterval(61 * Self.day)
        let overdue = try store.page(RequestQuery(overdueAt: lapsed), offset: 0, limit: 50).map(\.reference)
        #expect(overdue.contains(preservation.reference), "a later date set by the officer does not hide a lapsed preservation")
        #expect(try store.overview(now: lapsed).overdue == overdue.count)
        #expect(Set(try store.agenda(now: lapsed, days: 14).filter(\.isOverdue).map(\.reference)) == Set(overdue))
    }

    @Test("A step recorded after it happened takes the time it happened; deadlines count from it, the trail says when it was recorded")
    func statusChangeRecordedLater() throws {
        let folder = try TemporaryDirectory()
        var request = try store(in: folder).create(Fixtures.request(types: ["preservation"]))
        let first = try store(in: folder)
        for item in try first.checklist(for: request.id) {
            try first.changeChecklistItem(requestID: request.id, itemID: item.itemID, [.done])
        }
        request = try toTransmitted(first, request)
        let later = try store(in: folder, now: Fixtures.today.addingTimeInterval(3 * Self.day))
        let sent = Fixtures.today.addingTimeInterval(Self.day)
        #expect(throws: DeskError.self, "not before the last step") {
            try later.changeStatus(id: request.id, expectedVersion: request.version, to: .transmitted, note: "", ground: nil,
                                   at: Fixtures.today.addingTimeInterval(-Self.day))
        }
        #expect(throws: DeskError.self, "not in the future") {
            try later.changeStatus(id: request.id, expectedVersion: request.version, to: .transmitted, note: "", ground: nil,
                                   at: Fixtures.today.addingTimeInterval(4 * Self.day))
        }
        request = try later.changeStatus(id: request.id, expectedVersion: request.version, to: .transmitted, note: "by fax",
                                         ground: nil, at: sent)
        #expect(request.dates.sentOrReceived == sent)
        let details = try #require(try later.details(id: request.id))
        #expect(details.history.last?.at == sent)
        #expect(try later.deadlines(for: request.id).next?.due == sent.addingTimeInterval(60 * Self.day))
        #expect(try later.auditTrail().last { $0.action == "status_history" }?.at == Fixtures.today.addingTimeInterval(3 * Self.day))
        #expect(try later.verify().isSound)
    }

    @Test("Edited deadline rules reach stored due dates when the desk is next opened with them")
    func rulesChange() throws {
        let folder = try TemporaryDirectory()
        var request = Fixtures.request(types: ["subscriber_info"])
        request.dates.sentOrReceived = Fixtures.today
        try Fixtures.store(in: folder).insert(
            [RequestDetails(request: request, history: [StatusChange(from: nil, to: .draft, at: Fixtures.today, officer: "Ana")])],
            action: "import")
        #expect(try Fixtures.store(in: folder).page(RequestQuery(), offset: 0, limit: 1).first?.due == nil)
        var reference = Fixtures.reference
        let opened = try DeskStore.open(path: folder.path("desk.sqlite"), officer: "Ana", clock: FixedClock(Fixtures.today),
                                        reference: reference)
        #expect(try opened.page(RequestQuery(), offset: 0, limit: 1).first?.due == Fixtures.today.addingTimeInterval(30 * Self.day))
        reference.deadlineRules = reference.deadlineRules.map { rule in
            var rule = rule
            if rule.id == "chase_acknowledgement" { rule.after = [DeadlinePeriod(days: 21)] }
            return rule
        }
        let edited = try DeskStore.open(path: folder.path("desk.sqlite"), officer: "Ana", clock: FixedClock(Fixtures.today),
                                        reference: reference)
        #expect(try edited.page(RequestQuery(), offset: 0, limit: 1).first?.due == Fixtures.today.addingTimeInterval(21 * Self.day))
        #expect(try edited.verify().isSound)
        let moves = try edited.auditTrail().filter { $0.action == "deadline_rules" }
        #expect(moves.count == 2, "the first rules and the edited ones each moved the due date: \(moves.map(\.detail))")
        #expect(moves.last?.detail.hasSuffix("moved the due dates of 1 request") == true)
        _ = try DeskStore.open(path: folder.path("desk.sqlite"), officer: "Ana", clock: FixedClock(Fixtures.today), reference: reference)
        #expect(try edited.auditTrail().filter { $0.action == "deadline_rules" }.count == 2, "the same rules move nothing")
        try AuditFixtures.tamper(folder) { try $0.execute(sql: "UPDATE request SET due_at = NULL") }
        #expect(try edited.verify().recordProblems.contains { $0.hasSuffix("due_at") })
    }
}
