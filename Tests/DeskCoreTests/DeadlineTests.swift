import DeskCore
import DeskTestSupport
import Foundation
import Testing

@Suite("Deadlines from the rules, with a fixed clock")
struct DeadlineTests {
    private let rules = Fixtures.reference.deadlineRules
    private let sent = Fixtures.today
    private let day: TimeInterval = 86_400

    private func request(_ direction: Direction = .outgoing, types: [RequestTypeID], instrument: InstrumentID = "budapest",
                         urgency: Urgency = .routine, status: RequestStatus = .transmitted) -> Request {
        var request = Fixtures.request(direction, types: types)
        request.legalBasis.instrument = instrument
        request.urgency = urgency
        request.status = status
        request.dates.sentOrReceived = sent
        return request
    }

    private func compute(_ request: Request, history: [StatusChange] = []) -> RequestDeadlines {
        RequestDeadlines.compute(for: request, history: history, rules: rules)
    }

    @Test("Art. 29 preservation expires 60 days after sending, warned 14 days before")
    func preservation() throws {
        let deadlines = compute(request(types: ["preservation"]))
        let next = try #require(deadlines.next)
        #expect(next.ruleID == "preservation_expiry" && next.source == .legal && next.isPreservationExpiry)
        #expect(next.due == sent.addingTimeInterval(60 * day))
        #expect(next.warnFrom == sent.addingTimeInterval(46 * day))
        #expect(next.prompt.contains("follow-up"))
        #expect(deadlines.computed.count == 1)
    }

    /// 24-hour periods ended an hour late across the change to summer time, a day late on the
    /// lists when the request was sent late in the evening.
    @Test("Days are calendar days in the desk's time zone, across a change of the clocks; hours are hours")
    func calendarDays() throws {
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = berlin
        let sentLate = try #require(calendar.date(from: DateComponents(year: 2026, month: 2, day: 1, hour: 23, minute: 30)))
        var preservation = request(types: ["preservation"])
        preservation.dates.sentOrReceived = sentLate
        let due = try #require(RequestDeadlines.compute(for: preservation, history: [], rules: rules, timeZone: berlin).next?.due)
        #expect(calendar.dateComponents([.year, .month, .day, .hour, .minute], from: due)
            == DateComponents(year: 2026, month: 4, day: 2, hour: 23, minute: 30))
        var emergency = request(types: ["subscriber_info"], instrument: "e_evidence", urgency: .emergency)
        emergency.dates.sentOrReceived = sentLate
        let hours = try #require(RequestDeadlines.compute(for: emergency, history: [], rules: rules, timeZone: berlin)
            .computed.first { $0.ruleID == "epoc_production_emergency" })
        #expect(hours.due == sentLate.addingTimeInterval(8 * 3600))
    }

    /// The expiry says when data may be lost, not whether it was preserved: an emergency is still
    /// chased through the 24/7 network after a day, a routine preservation waits for its expiry.
    @Test("An emergency preservation is chased after one, two and three days beside its expiry; a routine one is not")
    func emergencyPreservationIsChased() {
        let emergency = compute(request(types: ["preservation"], urgency: .emergency))
        #expect(emergency.all.map(\.ruleID) == ["chase_emergency#1", "chase_emergency#2", "chase_emergency#3", "preservation_expiry"])
        #expect(emergency.next?.due == sent.addingTimeInterval(day))
        #expect(compute(request(types: ["preservation"])).all.map(\.ruleID) == ["preservation_expiry"])
        #expect(compute(request(types: ["subscriber_info"], instrument: "eio", urgency: .emergency)).all
            .allSatisfy { $0.source == .legal }, "an answer due by law still replaces the chases")
    }

    /// The Directive allows the recognition decision 30 more days, once: recorded, the deadline
    /// runs to the extended date and cannot be extended again.
    @Test("A granted extension moves the deadline to its extended date, once; only a rule that allows one runs it")
    func grantedExtension() throws {
        let eio = request(.incoming, types: ["subscriber_info"], instrument: "eio", status: .received)
        let extended = try DeadlineExtension.granting("eio_recognition_in", to: eio, history: [], rules: rules).get()
        let deadline = try #require(compute(extended).computed.first { $0.ruleID == "eio_recognition_in" })
        #expect(deadline.due == sent.addingTimeInterval(60 * day) && deadline.extendedDue == nil)
        #expect(deadline.label == "EIO: our recognition decision due (extended by 30 days)")
        #expect(throws: ExtensionRefusal.self) {
            try DeadlineExtension.granting("eio_recognition_in", to: extended, history: [], rules: rules).get()
        }
        #expect(throws: ExtensionRefusal.self, "a preservation's 60 days under Budapest have no extension") {
            try DeadlineExtension.granting("preservation_expiry", to: request(types: ["preservation"]), history: [], rules: rules).get()
        }
        #expect(throws: ExtensionRefusal.self, "an EPOC-PR's extension does not apply to an EIO") {
            try DeadlineExtension.granting("epoc_pr_expiry", to: eio, history: [], rules: rules).get()
        }
    }

    @Test("EPOC-PR lasts 60 days with one 30-day extension")
    func epocPreservation() throws {
        let next = try #require(compute(request(types: ["preservation"], instrument: "e_evidence")).next)
        #expect(next.ruleID == "epoc_pr_expiry")
        #expect(next.due == sent.addingTimeInterval(60 * day) && next.extendedDue == sent.addingTimeInterval(90 * day))
    }

    @Test("EPOC production: 10 days, 8 hours in an emergency")
    func epocProduction() throws {
        #expect(compute(request(types: ["subscriber_info"], instrument: "e_evidence")).next?.due == sent.addingTimeInterval(10 * day))
        let emergency = try #require(compute(request(types: ["traffic_data"], instrument: "e_evidence", urgency: .emergency)).next)
        #expect(emergency.ruleID == "epoc_production_emergency" && emergency.due == sent.addingTimeInterval(8 * 3600))
    }

    @Test("EIO: recognition 30 days (+30) from sending; execution 90 days from recognition")
    func eio() throws {
        let outgoing = request(types: ["search_seizure"], instrument: "eio")
        let recognition = try #require(compute(outgoing).next)
        #expect(recognition.ruleID == "eio_recognition_out" && recognition.due == sent.addingTimeInterval(30 * day))
        #expect(recognition.extendedDue == sent.addingTimeInterval(60 * day))
        var executing = outgoing
        executing.status = .inExecution
        let recognised = sent.addingTimeInterval(20 * day)
        let history = [StatusChange(from: .transmitted, to: .inExecution, at: recognised, officer: "Ana")]
        let execution = compute(executing, history: history)
        #expect(execution.computed.map(\.ruleID) == ["eio_execution_out"])
        #expect(execution.next?.due == recognised.addingTimeInterval(90 * day))
        var incoming = request(.incoming, types: ["search_seizure"], instrument: "eio", status: .accepted)
        incoming.dates.sentOrReceived = sent
        let accepted = [StatusChange(from: .assessed, to: .accepted, at: recognised, officer: "Ana")]
        #expect(compute(incoming, history: accepted).computed.map(\.ruleID) == ["eio_execution_in"])
    }

    @Test("Without a legal deadline: chase dates at 30, 60 and 90 days until acknowledged")
    func chase() {
        let waiting = compute(request(types: ["subscriber_info"]))
        #expect(waiting.computed.map(\.due) == [30, 60, 90].map { sent.addingTimeInterval(Double($0) * day) })
        #expect(waiting.computed.allSatisfy { $0.source == .chase })
        var acknowledged = request(types: ["subscriber_info"], status: .acknowledged)
        acknowledged.dates.acknowledged = sent.addingTimeInterval(5 * day)
        #expect(compute(acknowledged).computed.isEmpty)
        #expect(compute(request(types: ["subscriber_info"], urgency: .emergency)).next?.due == sent.addingTimeInterval(day))
        var draft = request(types: ["subscriber_info"], status: .draft)
        draft.dates.sentOrReceived = nil
        #expect(compute(draft).next == nil)
    }

    /// Executed means the data is preserved: its expiry is when the follow-up must have gone out.
    @Test("A preservation's expiry runs on while the request is executed or answered, alone, until it is closed or lapses",
          arguments: [(Direction.outgoing, RequestStatus.executed), (.incoming, .responseSent)])
    func preservationAfterExecution(direction: Direction, status: RequestStatus) throws {
        var preserved = request(direction, types: ["preservation", "subscriber_info"], status: status)
        preserved.dates.due = sent.addingTimeInterval(5 * day)
        let deadlines = compute(preserved)
        #expect(deadlines.all.map(\.ruleID) == ["preservation_expiry"], "no reminder to chase, no officer's date")
        #expect(deadlines.next?.due == sent.addingTimeInterval(60 * day))
        #expect(compute(request(direction, types: ["subscriber_info"], status: status)).all.isEmpty)
        #expect(Workflow.allows(from: status, to: .lapsed, direction: direction), "a preservation that ran out can be said to have lapsed")
        for end in [RequestStatus.closed, .lapsed] {
            preserved.status = end
            #expect(compute(preserved).all.isEmpty)
        }
    }

    @Test("The officer's date replaces the chase reminders, never a legal deadline; final statuses have none")
    func manualBesideLegal() throws {
        var preservation = request(types: ["preservation"])
        let later = sent.addingTimeInterval(70 * day)
        preservation.dates.due = later
        let deadlines = compute(preservation)
        #expect(deadlines.next?.source == .legal && deadlines.next?.due == sent.addingTimeInterval(60 * day),
                "a later date set by the officer does not hide the preservation's expiry")
        #expect(deadlines.earliest == sent.addingTimeInterval(60 * day))
        #expect(deadlines.all.map(\.source) == [.legal, .manual])
        let earlier = sent.addingTimeInterval(20 * day)
        preservation.dates.due = earlier
        #expect(compute(preservation).next?.source == .manual && compute(preservation).next?.due == earlier)

        var chased = request(types: ["subscriber_info"])
        #expect(compute(chased).all.allSatisfy { $0.source == .chase } && !compute(chased).all.isEmpty)
        chased.dates.due = later
        #expect(compute(chased).all.map(\.source) == [.manual], "the officer's date replaces the reminders to chase")
        #expect(compute(chased).computed.contains { $0.source == .chase }, "they are still computed, for the record")
        preservation.status = .closed
        #expect(compute(preservation).all.isEmpty)
    }

    @Test("The agenda lists what falls due within the window, overdue first, keeping only the latest passed chase")
    func agenda() throws {
        var chased = request(types: ["subscriber_info"])
        chased.reference = RequestReference("OUT-2026-0001")!
        var preserved = request(types: ["preservation"])
        preserved.reference = RequestReference("OUT-2026-0002")!
        preserved.dates.sentOrReceived = sent.addingTimeInterval(5 * day)
        let now = sent.addingTimeInterval(62 * day)
        let entries = Agenda.entries(for: [(chased, compute(chased)), (preserved, compute(preserved))], now: now, days: 14)
        #expect(entries.map(\.deadline.ruleID) == ["chase_acknowledgement#2", "preservation_expiry"])
        #expect(entries.map(\.isOverdue) == [true, false])
        #expect(Agenda.preservationsExpiring(entries).map(\.reference.description) == ["OUT-2026-0002"])
        let wide = Agenda.entries(for: [(chased, compute(chased))], now: now, days: 30)
        #expect(wide.map(\.deadline.ruleID) == ["chase_acknowledgement#2", "chase_acknowledgement#3"])
    }

    @Test("Rule errors name deadline_rules.json and the key")
    func ruleErrors() throws {
        func error(_ rule: String) throws -> ReferenceDataError {
            let json = #"{"version": 1, "rules": [\#(rule)]}"#
            return try #require(ReferenceFixtures.decodeError(try ReferenceFixtures.shippedFiles(replacing: "deadline_rules.json", with: json)))
        }
        let base = #""id": "r", "label": "R", "kind": "legal", "from": "sent_or_received""#
        #expect(try error("{\(base), \"after\": [\"60days\"]}")
            == ReferenceDataError(file: "deadline_rules.json", key: "rules[0].after",
                                  message: "'60days' is not a period (write e.g. 60d for days or 8h for hours, at most 36500d)"))
        for tooLong in ["36501d", "876001h", "9999999999999999d"] {
            #expect(try error("{\(base), \"after\": [\"\(tooLong)\"]}").message.hasPrefix("'\(tooLong)' is not a period"))
        }
        #expect(DeadlinePeriod("36500d")?.hours == 876_000)
        #expect(try error("{\(base), \"after\": [\"60d\"], \"instruments\": [\"budapst\"]}")
            == ReferenceDataError(file: "deadline_rules.json", key: "rules[0].instruments[0]",
                                  message: "'budapst' is not an instrument of instruments.json"))
        #expect(try error("{\(base), \"after\": [\"60d\", \"30d\"]}").key == "rules[0].after[1]")
        #expect(try error(#"{"id": "r", "label": "R", "kind": "legal", "from": "sent", "after": ["1d"]}"#).key == "rules[0].from")
        #expect(try error("{\(base), \"after\": [\"1d\"], \"until\": [\"done\"]}").key == "rules[0].until")
    }
}
