import DeskCore
import DeskTestSupport
import Foundation
import Testing

@Suite("Checklist templates: loading, validation, instantiation and gating")
struct ChecklistTemplateTests {
    private let templates = Fixtures.reference.checklistTemplates

    private func request(_ direction: Direction = .outgoing, types: [RequestTypeID], urgency: Urgency = .routine,
                         instrument: InstrumentID = "budapest") -> Request {
        var request = Fixtures.request(direction, types: types)
        request.urgency = urgency
        request.legalBasis.instrument = instrument
        return request
    }

    private func templateError(_ json: String) throws -> ReferenceDataError {
        try #require(ReferenceFixtures.decodeError(try ReferenceFixtures.shippedFiles(replacing: "checklists.json", with: json)))
    }

    @Test("The shipped templates cover the core list, data types, emergencies and the incoming assessment")
    func shippedCoverage() {
        let subscriber = ChecklistBuilder.build(for: request(types: ["subscriber_info"]), templates: templates).map(\.itemID)
        #expect(subscriber.contains("core.legal_basis") && subscriber.contains("data.identifiers"))
        #expect(!subscriber.contains("content.justification"))
        let content = ChecklistBuilder.build(for: request(types: ["stored_content"], urgency: .emergency), templates: templates)
        #expect(content.map(\.itemID).contains("content.justification"))
        #expect(content.map(\.itemID).contains("emergency.risk"))
        let incoming = ChecklistBuilder.build(for: request(.incoming, types: ["subscriber_info"]), templates: templates)
        #expect(incoming.allSatisfy { $0.itemID.hasPrefix("assess.") && $0.gates == .accepted })
        #expect(incoming.map(\.itemID).contains("assess.dual_criminality"))
    }

    @Test("A bare preservation needs only the six Art. 29 items; EIO adds its own")
    func preservationAndInstrument() {
        let preservation = ChecklistBuilder.build(for: request(types: ["preservation"]), templates: templates)
        #expect(preservation.map(\.itemID) == ["art29.requesting_authority", "art29.offence_facts", "art29.data_link",
                                               "art29.custodian", "art29.necessity", "art29.intent_mla"])
        #expect(preservation.allSatisfy { $0.isRequired && $0.gates == .transmitted && $0.state == .open })
        let eio = ChecklistBuilder.build(for: request(types: ["search_seizure"], instrument: "eio"), templates: templates)
        #expect(eio.map(\.itemID).contains("eio.annex_a") && eio.map(\.itemID).contains("search.grounds"))
    }

    @Test("Changing the type keeps what was filled, marks irrelevant items obsolete and adds new ones open")
    func reinstantiation() throws {
        var original = request(types: ["subscriber_info"])
        var items = ChecklistBuilder.build(for: original, templates: templates)
        let at = Fixtures.today
        for index in items.indices where ["core.legal_basis", "data.identifiers"].contains(items[index].itemID) {
            items[index] = try ChecklistChange.done.apply(to: items[index], officer: "Ana", at: at)
            items[index] = try ChecklistChange.note("checked with prosecutor").apply(to: items[index], officer: "Ana", at: at)
        }
        original.types = ["search_seizure"]
        let rebuilt = ChecklistBuilder.build(for: original, templates: templates, existing: items)
        let legal = try #require(rebuilt.first { $0.itemID == "core.legal_basis" })
        #expect(legal.state == .done && legal.note == "checked with prosecutor" && legal.changedBy == "Ana" && !legal.isObsolete)
        let identifiers = try #require(rebuilt.first { $0.itemID == "data.identifiers" })
        #expect(identifiers.isObsolete && identifiers.state == .done && identifiers.note == "checked with prosecutor")
        #expect(rebuilt.last?.isObsolete == true)
        #expect(rebuilt.first { $0.itemID == "search.grounds" }?.state == .open)
        #expect(Set(items.map(\.itemID)).isSubset(of: Set(rebuilt.map(\.itemID))))
        original.types = ["subscriber_info"]
        let back = ChecklistBuilder.build(for: original, templates: templates, existing: rebuilt)
        #expect(back.first { $0.itemID == "data.identifiers" }.map { !$0.isObsolete && $0.state == .done } == true)
        #expect(back.first { $0.itemID == "search.grounds" }?.isObsolete == true)
    }

    @Test("The gate names the open required items of the target status, and only those")
    func gate() throws {
        let base = request(types: ["preservation"])
        var items = ChecklistBuilder.build(for: base, templates: templates)
        for index in items.indices.dropFirst(3) {
            items[index] = try ChecklistChange.done.apply(to: items[index], officer: "Ana", at: Fixtures.today)
        }
        items[0] = try ChecklistChange.notApplicable(reason: "same authority as the MLA").apply(to: items[0], officer: "Ana", at: Fixtures.today)
        var reference = base
        reference.reference = RequestReference("OUT-2026-0003")!
        #expect(ChecklistGate.refusal(for: reference, checklist: items, history: [], target: .transmitted)
            == "OUT-2026-0003 cannot move to transmitted: 2 required checklist items are open: "
            + "Offence and brief summary of the facts; Data to preserve and its relationship to the offence")
        #expect(ChecklistGate.refusal(for: reference, checklist: items, history: [], target: .withdrawn) == nil)
        #expect(ChecklistProgress(items).meter == "Required 4/6")
        items[1].isObsolete = true
        #expect(ChecklistGate.missing(in: items, for: .transmitted).map(\.itemID) == ["art29.data_link"])
    }

    /// The facts, the legal basis, the six Art. 29 items: a request without them is incomplete
    /// whatever reason is given, so "not applicable" (typed, or brought by an archive) never settles them.
    @Test("What every request must contain cannot be marked not applicable; one so marked is open again")
    func alwaysNeededItems() throws {
        let subscriber = request(types: ["subscriber_info"])
        var waived = ChecklistBuilder.build(for: subscriber, templates: templates)
        let facts = try #require(waived.firstIndex { $0.itemID == "core.summary_of_facts" })
        let translation = try #require(waived.firstIndex { $0.itemID == "core.translation" })
        for index in [facts, translation] {
            waived[index].state = .notApplicable
            waived[index].reason = "n/a"
        }
        #expect(ChecklistBuilder.waiverProblem(waived[facts], of: subscriber, templates: templates)?
            .hasPrefix("'Summary of facts' is needed in every request of this kind") == true)
        #expect(ChecklistBuilder.waiverProblem(waived[translation], of: subscriber, templates: templates) == nil)
        let rebuilt = ChecklistBuilder.build(for: subscriber, templates: templates, existing: waived)
        #expect(rebuilt[facts].state == .open && rebuilt[facts].reason.isEmpty)
        #expect(rebuilt[translation].state == .notApplicable, "an item that may not apply keeps its reason")
        let preservation = ChecklistBuilder.build(for: request(types: ["preservation"]), templates: templates)
        #expect(preservation.filter(\.isRequired).allSatisfy { item in
            ChecklistBuilder.waiverProblem(item, of: request(types: ["preservation"]), templates: templates) != nil
        }, "all six Art. 29 items")
    }

    @Test("Not applicable needs a reason; obsolete items cannot be changed")
    func editRules() throws {
        let item = ChecklistItem(itemID: "core.translation", group: "Form", label: "Translation", isRequired: true)
        #expect(throws: ChecklistEditError.self) { try ChecklistChange.notApplicable(reason: "  ").apply(to: item, officer: "Ana", at: Fixtures.today) }
        let na = try ChecklistChange.notApplicable(reason: "written in German").apply(to: item, officer: "Ana", at: Fixtures.today)
        #expect(na.state == .notApplicable && na.reason == "written in German" && na.changedAt == Fixtures.today)
        let reopened = try ChecklistChange.reopen.apply(to: na, officer: "Jean", at: Fixtures.today)
        #expect(reopened.state == .open && reopened.reason.isEmpty && reopened.changedBy == "Jean")
        var obsolete = item
        obsolete.isObsolete = true
        #expect(throws: ChecklistEditError.self) { try ChecklistChange.done.apply(to: obsolete, officer: "Ana", at: Fixtures.today) }
    }

    @Test("Template errors name checklists.json and the key to fix")
    func validationErrors() throws {
        func template(_ fields: String, items: String = #"[{"id": "x.one", "group": "G", "label": "One", "required": true}]"#) -> String {
            #"{"version": 1, "templates": [{"id": "t", "label": "T", "items": \#(items)\#(fields)}]}"#
        }
        #expect(try templateError(template(#", "types": ["subscriber", "preservation"]"#))
            == ReferenceDataError(file: "checklists.json", key: "templates[0].types[0]",
                                  message: "'subscriber' is not a request type of request_types.json"))
        #expect(try templateError(template(#", "directions": ["in"]"#, items: #"[{"id": "x", "group": "G", "label": "L", "required": true, "gates": "transmitted"}]"#))
            == ReferenceDataError(file: "checklists.json", key: "templates[0].items[0].gates",
                                  message: "'transmitted' is not a status of incoming requests (limit the template with \"directions\")"))
        let duplicate = try templateError(template("", items: #"[{"id": "a.b", "group": "G", "label": "L", "required": true}, {"id": "a.b", "group": "G", "label": "M", "required": false}]"#))
        #expect(duplicate.key == "templates[0].items[1].id" && duplicate.message.hasPrefix("duplicate 'a.b'"))
        let missing = try templateError(template("", items: #"[{"id": "a.b", "group": "G", "label": "L"}]"#))
        #expect(missing == ReferenceDataError(file: "checklists.json", key: "templates[0].items[0].required",
                                              message: "required field is missing"))
        let unknown = try templateError(template(#", "urgency": ["emergency"]"#))
        #expect(unknown.key == "templates[0].urgency" && unknown.message.hasPrefix("unknown field"))
        var files = try ReferenceFixtures.shippedFiles()
        files["checklists.json"] = nil
        #expect(ReferenceFixtures.decodeError(files) == ReferenceDataError(file: "checklists.json", message: "file is missing"))
    }
}
