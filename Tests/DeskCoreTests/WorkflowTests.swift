import DeskCore
import DeskTestSupport
import Foundation
import Testing

@Suite("Status workflow")
struct WorkflowTests {
    @Test("Each direction starts where the domain says and reaches closed", arguments: Direction.allCases)
    func reachability(direction: Direction) {
        let statuses = Workflow.statuses(for: direction)
        #expect(statuses.first == (direction == .outgoing ? .draft : .received))
        #expect(statuses.contains(.closed))
        #expect(statuses.contains(.refused) && statuses.contains(.withdrawn) && statuses.contains(.lapsed))
        for status in statuses where status != .closed {
            #expect(!Workflow.targets(from: status, direction: direction).isEmpty, "\(status) is a dead end")
        }
        #expect(Workflow.targets(from: .closed, direction: direction).isEmpty)
    }

    /// The EIO lists its grounds (Art. 11); an expedited preservation under Budapest has two and
    /// dual criminality for a Party with the Art. 29(4) reservation; elsewhere any ground may be named.
    @Test("A refusal names only a ground its legal basis provides, where the basis lists them")
    func refusalGroundsFollowTheLegalBasis() {
        let reference = Fixtures.reference
        var eio = Fixtures.request(.incoming, types: ["subscriber_info"])
        eio.legalBasis = LegalBasis(instrument: "eio", articles: "11")
        #expect(RefusalGroundRules.problem("political_offence", for: eio, reference: reference)?.hasPrefix(
            "Political offence is not a ground on which a request under the Directive 2014/41/EU regarding the European "
                + "Investigation Order in criminal matters may be refused; it may be refused for: Immunity or privilege;") == true)
        #expect(RefusalGroundRules.problem("ne_bis_in_idem", for: eio, reference: reference) == nil)
        var preservation = Fixtures.request(.incoming, types: ["preservation"])
        preservation.legalBasis = LegalBasis(instrument: "budapest", articles: "29")
        #expect(RefusalGroundRules.problem("fiscal_offence", for: preservation, reference: reference)?
            .contains("an expedited preservation under the Convention on Cybercrime") == true)
        #expect(RefusalGroundRules.problem("political_offence", for: preservation, reference: reference) == nil)
        preservation.types = ["preservation", "subscriber_info"]
        #expect(RefusalGroundRules.problem("fiscal_offence", for: preservation, reference: reference) == nil,
                "a request for more than preservation follows the rest of the Convention")
    }

    @Test("Statuses of one direction are not offered to the other")
    func directionsAreSeparate() {
        #expect(!Workflow.statuses(for: .incoming).contains(.draft))
        #expect(!Workflow.statuses(for: .outgoing).contains(.received))
        #expect(!Workflow.allows(from: .received, to: .accepted, direction: .incoming))
        #expect(Workflow.allows(from: .assessed, to: .accepted, direction: .incoming))
    }

    @Test("The outgoing path from draft to closed follows the domain's order")
    func outgoingPath() {
        let path: [RequestStatus] = [.draft, .internalReview, .approved, .centralAuthorityReview, .transmitted, .acknowledged,
                                     .underConsideration, .additionalInfoRequested, .additionalInfoSupplied, .inExecution,
                                     .partiallyExecuted, .executed, .closed]
        for (from, to) in zip(path, path.dropFirst()) {
            #expect(Workflow.allows(from: from, to: to, direction: .outgoing), "\(from) → \(to)")
        }
        #expect(!Workflow.allows(from: .draft, to: .transmitted, direction: .outgoing))
    }

    @Test("The desk lists statuses along the way a request takes, its ends after, closed last")
    func readingOrder() {
        #expect(Workflow.statusesInReadingOrder(for: .incoming) == [
            .received, .acknowledged, .assigned, .clarificationRequested, .assessed, .accepted, .postponed, .inExecution,
            .responseSent, .refused, .withdrawn, .lapsed, .closed,
        ])
        for direction in Direction.allCases {
            #expect(Set(Workflow.statusesInReadingOrder(for: direction)) == Set(Workflow.statuses(for: direction)))
            #expect(Workflow.statusesInReadingOrder(for: direction).last == .closed)
        }
    }

    @Test("Refusal needs a ground, withdrawal and postponement a reason; only a refusal takes a ground")
    func requirements() throws {
        #expect(Workflow.requirement(for: .refused) == .ground)
        #expect(Workflow.requirement(for: .withdrawn) == .reason)
        #expect(Workflow.requirement(for: .postponed) == .reason)
        #expect(Workflow.requirement(for: .approved) == nil)
        var request = Fixtures.request(.incoming)
        request.status = .assessed
        #expect(throws: TransitionError.self) { try StatusRules.check(request, to: .refused, note: "x", ground: nil) }
        #expect(throws: TransitionError.self) { try StatusRules.check(request, to: .withdrawn, note: "  ", ground: nil) }
        #expect(throws: TransitionError.self) { try StatusRules.check(request, to: .closed, note: "", ground: nil) }
        try StatusRules.check(request, to: .refused, note: "", ground: "political_offence")
        let misplaced = #expect(throws: TransitionError.self) {
            try StatusRules.check(request, to: .accepted, note: "", ground: "political_offence")
        }
        #expect(misplaced?.message == "Only a refusal takes a ground; moving to accepted does not")
        try StatusRules.check(request, to: .withdrawn, note: "Requesting state withdrew", ground: nil)
    }

    @Test("Entering a status stamps its date once and never overwrites the officer's own")
    func stampsDates() {
        var request = Fixtures.request()
        let earlier = Fixtures.today.addingTimeInterval(-86_400)
        request.dates.acknowledged = earlier
        StatusRules.stampDates(&request, entering: .transmitted, at: Fixtures.today)
        StatusRules.stampDates(&request, entering: .acknowledged, at: Fixtures.today)
        #expect(request.dates.sentOrReceived == Fixtures.today)
        #expect(request.dates.acknowledged == earlier)
        StatusRules.stampDates(&request, entering: .closed, at: Fixtures.today)
        #expect(request.dates.completed == Fixtures.today)
    }

    @Test("Every status has a command-line word in lower case with underscores")
    func words() {
        for status in RequestStatus.allCases {
            #expect(status.rawValue == status.rawValue.lowercased())
            #expect(!status.rawValue.contains(" "))
            #expect(RequestStatus(rawValue: status.rawValue) == status)
        }
        #expect(Direction(rawValue: "in") == .incoming && Direction(rawValue: "out") == .outgoing)
    }
}
