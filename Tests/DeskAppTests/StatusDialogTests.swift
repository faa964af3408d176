import DeskApp
import DeskCore
import DeskTestSupport
import Foundation
import Testing
import TermUI

@Suite struct StatusDialogTests {
    static func dialogFor(_ request: Request) -> DeskDriver {
        var desk = RequestFormTests.detailOfFixture()
        desk.send(.detailsLoaded(RequestDetails(request: request), audit: [], purpose: .view))
        desk.press(.char("s"))
        return desk
    }

    static func dialog(_ desk: DeskDriver) -> StatusDialogState? {
        if case .status(let dialog) = desk.state.dialog { return dialog }
        return nil
    }

    /// The fixture is an expedited preservation under Budapest: Art. 29(5) names its grounds.
    @Test func theGroundListOffersOnlyTheGroundsTheLegalBasisProvides() throws {
        let desk = Self.dialogFor(DeskFixtures.request(direction: .incoming, status: .assessed))
        let dialog = try #require(Self.dialog(desk))
        #expect(dialog.ground.options.map(\.id) == ["political_offence", "sovereignty_security_ordre_public", "no_dual_criminality"])
    }

    @Test func onASmallScreenTheGroundListAndTheNoteStayInsideTheBox() throws {
        var desk = Self.dialogFor(DeskFixtures.request(direction: .incoming, status: .assessed))
        desk.send(.resize(width: 60, height: 15))
        for _ in 0..<3 { desk.press(.key(.down)) }
        #expect(Self.dialog(desk)?.requirement == .ground, "Refused is chosen, which needs a ground")
        desk.press(.key(.tab))
        desk.press(.key(.tab))
        desk.type("hello note")
        let lines = desk.render().lines()
        let bottom = try #require(lines.lastIndex { $0.contains("└") })
        let inside = lines.indices.filter { $0 > bottom }.allSatisfy { !lines[$0].contains("( )") && !lines[$0].contains("Note") }
        #expect(inside, "\(lines.joined(separator: "\n"))")
        #expect(lines.firstIndex { $0.contains("hello note") }.map { $0 < bottom } == true, "\(lines.joined(separator: "\n"))")
    }

    /// Ctrl-Q asks before it throws a typed note away; no returns to the note as it was.
    @Test func ctrlQAsksBeforeDiscardingATypedNoteWhileQIsTyped() {
        var desk = Self.dialogFor(DeskFixtures.request(status: .draft))
        desk.press(.key(.tab))
        desk.type("quick note")
        #expect(Self.dialog(desk)?.note.text == "quick note", "q is text in the note")
        #expect(desk.press(.ctrl("q")).isEmpty)
        #expect(!desk.state.isFinished)
        #expect(desk.render().lines().contains { $0.contains("Quit and discard what you typed here?") })
        desk.press(.char("n"))
        #expect(Self.dialog(desk)?.note.text == "quick note")
        desk.press(.ctrl("q"))
        #expect(desk.press(.char("y")) == [.quit])
        #expect(desk.state.isFinished)
    }

    /// Esc asks as a changed form does before it throws a typed note away.
    @Test func escAsksBeforeDiscardingATypedNoteAndClosesAtOnceWithNothingTyped() {
        var desk = Self.dialogFor(DeskFixtures.request(status: .draft))
        desk.press(.key(.tab))
        desk.type("called the prosecutor")
        desk.press(.key(.escape))
        #expect(desk.render().lines().contains { $0.contains("Close and discard what you typed here?") })
        desk.press(.char("n"))
        #expect(Self.dialog(desk)?.note.text == "called the prosecutor")
        desk.press(.key(.escape))
        desk.press(.char("y"))
        #expect(desk.state.dialog == nil && !desk.state.isFinished && desk.state.page == .detail)
        desk.press(.char("s"))
        #expect(Self.dialog(desk) != nil)
        desk.press(.key(.escape))
        #expect(desk.state.dialog == nil, "nothing typed, nothing to ask")
    }

    /// What `status --at` and `--channel` record on the command line: a transmission sent
    /// yesterday, and by which channel, so the letter and the deadlines have them.
    @Test func aTransmissionTakesItsChannelAndWhenItHappened() throws {
        var desk = Self.dialogFor(DeskFixtures.request(status: .approved))
        while Self.dialog(desk)?.target != .transmitted { desk.press(.key(.down)) }
        #expect(desk.render().contains("now (or YYYY-MM-DD HH:MM when it happened)"))
        desk.press(.key(.tab))
        #expect(Self.dialog(desk)?.focus == .channel)
        desk.type("central")
        desk.press(.key(.tab), .key(.tab))
        #expect(Self.dialog(desk)?.focus == .when)
        desk.type("yesterday")
        #expect(desk.press(.key(.enter)).isEmpty)
        #expect(Self.dialog(desk)?.error == "'yesterday' is not a time: write YYYY-MM-DD HH:MM, or leave it empty for now.")
        desk.press(.ctrl("u"))
        desk.type("2026-03-13 16:45")
        let effects = desk.press(.key(.enter))
        guard case .changeStatus(let order)? = effects.first else {
            Issue.record("no change asked: \(effects)")
            return
        }
        #expect(order.target == .transmitted && order.channel == "central_authority", "what was typed in the list is chosen")
        #expect(order.at == DeskFixtures.day("2026-03-13").addingTimeInterval(16 * 3600 + 45 * 60))

        var chosen = Self.dialogFor(DeskFixtures.request(status: .approved))
        while Self.dialog(chosen)?.target != .transmitted { chosen.press(.key(.down)) }
        chosen.press(.key(.tab))
        chosen.type("central")
        guard case .changeStatus(let sent)? = chosen.press(.key(.enter)).first else {
            Issue.record("no change asked")
            return
        }
        #expect(sent.channel == "central_authority" && sent.at == nil)
    }

    @Test func ctrlQQuitsAtOnceFromADialogWithNothingTyped() {
        var desk = Self.dialogFor(DeskFixtures.request(status: .draft))
        #expect(desk.press(.ctrl("q")) == [.quit])
        #expect(desk.state.isFinished)
    }

    @Test func offersOnlyTheTargetsTheWorkflowAllows() {
        let desk = Self.dialogFor(DeskFixtures.request(status: .draft))
        #expect(Self.dialog(desk)?.targets == Workflow.targets(from: .draft, direction: .outgoing))
        #expect(Self.dialog(desk)?.targets == [.internalReview, .withdrawn])
    }

    @Test func aPlainChangeIsSentWithTheVersionItWasReadAt() {
        var desk = Self.dialogFor(DeskFixtures.request(status: .draft, version: 4))
        let effects = desk.press(.key(.enter))
        #expect(effects == [.changeStatus(StatusChangeOrder(id: DeskFixtures.request().id, reference: "OUT-2026-0007",
                                                             expectedVersion: 4, target: .internalReview, note: "",
                                                             ground: nil))])
        var moved = DeskFixtures.request(status: .internalReview, version: 5)
        moved.status = .internalReview
        let after = desk.send(.statusChanged(moved))
        #expect(desk.state.dialog == nil)
        #expect(desk.state.message?.text == "OUT-2026-0007 is now Internal review.")
        #expect(after == [.loadDetails(moved.id, purpose: .view)])
    }

    @Test func refusalNeedsAGround() {
        var desk = Self.dialogFor(DeskFixtures.request(status: .transmitted))
        for _ in 0..<10 where Self.dialog(desk)?.target != .refused { desk.press(.key(.down)) }
        #expect(Self.dialog(desk)?.target == .refused)
        #expect(desk.press(.key(.enter)).isEmpty)
        #expect(Self.dialog(desk)?.error == "Choose the ground for refusing.")
        #expect(Self.dialog(desk)?.focus == .ground)
        desk.type("political")
        #expect(desk.press(.key(.enter)).isEmpty, "a refusal is final: the first Enter warns")
        let effects = desk.press(.key(.enter))
        guard case .changeStatus(let order) = effects.first else {
            Issue.record("expected a status change, got \(effects)")
            return
        }
        #expect(order.target == .refused)
        #expect(order.ground == "political_offence")
    }

    @Test func withdrawalNeedsAReason() {
        var desk = Self.dialogFor(DeskFixtures.request(status: .draft))
        desk.press(.key(.down))
        #expect(Self.dialog(desk)?.target == .withdrawn)
        #expect(desk.press(.key(.enter)).isEmpty)
        #expect(Self.dialog(desk)?.focus == .note)
        desk.type("duplicate of OUT-2026-0003")
        #expect(desk.press(.key(.enter)).isEmpty, "a withdrawal is final: the first Enter warns")
        guard case .changeStatus(let order) = desk.press(.key(.enter)).first else {
            Issue.record("expected a status change")
            return
        }
        #expect(order.note == "duplicate of OUT-2026-0003")
    }

    /// A final status ends the request's workflow for good: the first Enter says so, the second
    /// changes it; choosing another status in between needs no second press.
    @Test func aFinalStatusIsConfirmedBeforeItIsSet() {
        var desk = Self.dialogFor(DeskFixtures.request(direction: .incoming, status: .responseSent))
        #expect(Self.dialog(desk)?.target == .closed)
        #expect(desk.press(.key(.enter)).isEmpty)
        #expect(Self.dialog(desk)?.error == "Closed ends the request's work: IN-2026-0007 can never change status again. Press Enter again to confirm, Esc to cancel.")
        #expect(desk.render().lines().joined().contains("Press Enter again to confirm"))
        guard case .changeStatus(let order) = desk.press(.key(.enter)).first else {
            Issue.record("expected the change on the second Enter")
            return
        }
        #expect(order.target == .closed)

        var other = Self.dialogFor(DeskFixtures.request(status: .draft))
        other.press(.key(.down))
        other.press(.key(.tab))
        other.type("duplicate")
        #expect(other.press(.key(.enter)).isEmpty)
        other.press(.key(.backTab), .key(.up))
        #expect(Self.dialog(other)?.target == .internalReview)
        #expect(other.press(.key(.enter)).first.map { if case .changeStatus = $0 { true } else { false } } == true)
    }

    /// Response sent is not an end: the request can go back into execution, so one Enter sends it.
    @Test func aStatusWithAWayBackNeedsNoSecondEnter() {
        var desk = Self.dialogFor(DeskFixtures.request(direction: .incoming, status: .inExecution))
        #expect(Self.dialog(desk)?.target == .responseSent)
        #expect(desk.press(.key(.enter)).first.map { if case .changeStatus = $0 { true } else { false } } == true)
    }

    /// Another desk moved the request meanwhile: the dialog's steps start from a status it no
    /// longer has, so it closes and the request is read again, and the next `s` offers the steps
    /// from where it is now.
    @Test func aConflictShowsTheRequestAsItIsNow() {
        let request = DeskFixtures.request(status: .draft)
        var desk = Self.dialogFor(request)
        desk.press(.key(.enter))
        let effects = desk.send(.failed(.versionConflict(reference: "OUT-2026-0007", changedBy: "bruno",
                                                         changedAt: DeskFixtures.now), during: .statusChange))
        #expect(desk.state.dialog == nil)
        #expect(effects == [.loadDetails(request.id, purpose: .view)])
        #expect(desk.state.message?.isError == true && desk.state.message?.text.hasSuffix("It is shown as it is now.") == true)
    }

    /// From the list too: reading the list again must not clear the refusal.
    @Test func aConflictFromTheListIsSaid() {
        var desk = ListUpdateTests.listOf(3)
        desk.press(.char("s"))
        desk.send(.detailsLoaded(RequestDetails(request: DeskFixtures.request(direction: .incoming, status: .received)),
                                 audit: [], purpose: .status))
        guard case .status = desk.state.dialog else {
            Issue.record("the status dialog opens from the list")
            return
        }
        desk.send(.failed(.versionConflict(reference: "IN-2026-0001", changedBy: "bruno", changedAt: DeskFixtures.now),
                          during: .statusChange))
        #expect(desk.state.dialog == nil)
        #expect(desk.state.message?.isError == true && desk.state.message?.text.contains("was changed by bruno") == true,
                "\(String(describing: desk.state.message))")
    }

    @Test func aRefusedChangeIsExplainedInTheDialog() {
        var desk = Self.dialogFor(DeskFixtures.request(status: .draft))
        desk.press(.key(.enter))
        desk.send(.failed(.transitionRefused("The checklist item 'Legal basis' must be settled first."), during: .statusChange))
        #expect(Self.dialog(desk)?.error == "The checklist item 'Legal basis' must be settled first.")
        #expect(Self.dialog(desk)?.isSubmitting == false)
        desk.press(.key(.escape))
        #expect(desk.state.dialog == nil)
    }
}
