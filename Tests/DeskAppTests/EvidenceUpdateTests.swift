import DeskApp
import DeskCore
import DeskStore
import DeskTestSupport
import Foundation
import Testing
import TermUI

@Suite struct EvidenceUpdateTests {
    typealias F = EvidenceFixtures

    static func focus(_ desk: inout DeskDriver, on field: EvidenceField) {
        for _ in 0..<30 where desk.state.evidenceForm?.focusedField?.id != field { desk.press(.key(.tab)) }
        #expect(desk.state.evidenceForm?.focusedField?.id == field)
    }

    @Test func arrowsStepThroughExchangesAndItemsAndEnterOpensAnItem() {
        var desk = F.evidenceTab()
        #expect(desk.state.detail?.evidence.selected == F.received, "the first exchange is selected on arrival")
        desk.press(.key(.down))
        #expect(desk.state.detail?.evidence.selected == F.mismatched)
        desk.press(.key(.down), .key(.down), .key(.down))
        #expect(desk.state.detail?.evidence.selected == F.sent, "stops at the last record")
        #expect(desk.press(.key(.enter)).isEmpty, "an exchange has no item view")
        #expect(desk.state.message?.isError == true)
        desk.press(.char("k"), .char("k"))
        #expect(desk.state.detail?.evidence.selected == F.mismatched)
        let effects = desk.press(.key(.enter))
        #expect(desk.state.page == .evidenceItem)
        #expect(effects == [.loadTimeline(F.mismatched)])
        desk.press(.key(.escape))
        #expect(desk.state.page == .detail)
        #expect(desk.state.detail?.section == .evidence)
    }

    @Test func recordingAnExchangeValidatesInlineAndOnSave() {
        var desk = F.evidenceTab()
        desk.press(.char("x"))
        #expect(desk.state.page == .evidenceForm)
        #expect(desk.state.scope == .form)
        let form = try! #require(desk.state.evidenceForm)
        #expect(form.value(.flow)?.selected == ["received"], "an outgoing request's evidence usually comes back")
        #expect(form.value(.date)?.text == "2026-03-14")
        #expect(form.value(.time)?.text == "09:30")
        Self.focus(&desk, on: .time)
        desk.press(.ctrl("u"))
        desk.type("25:61")
        desk.press(.key(.tab))
        #expect(desk.state.evidenceForm?.errors[.time]?.contains("is not a time") == true, "shown when the field is left")
        #expect(desk.press(.ctrl("s")).isEmpty)
        #expect(desk.state.evidenceForm?.focusedField?.id == .time, "save jumps to the first problem")
        #expect(desk.state.message?.text == "Not saved: 1 field needs attention (Time (HH:MM)).")
        for _ in 0..<5 where desk.state.evidenceForm?.focusedField?.id != .date { desk.press(.key(.backTab)) }
        desk.press(.ctrl("u"))
        desk.type("2026-02-31")
        #expect(desk.press(.ctrl("s")).isEmpty)
        #expect(desk.state.message?.text == "Not saved: 2 fields need attention (Date, Time (HH:MM)).",
                "a time that is not one is named beside a date that is not one")
        desk.press(.ctrl("u"))
        desk.type("2026-03-14")
        Self.focus(&desk, on: .time)
        desk.press(.ctrl("u"))
        desk.type("14:05")
        #expect(desk.press(.ctrl("s")).isEmpty)
        #expect(desk.state.evidenceForm?.errors[.time]?.hasPrefix("is later than now") == true, "evidence is recorded as it happened")
        for _ in 0..<5 where desk.state.evidenceForm?.focusedField?.id != .date { desk.press(.key(.backTab)) }
        desk.press(.ctrl("u"))
        desk.type("2027-01-01")
        #expect(desk.press(.ctrl("s")).isEmpty)
        #expect(desk.state.evidenceForm?.errors[.date]?.hasPrefix("is later than now") == true, "the day is what is ahead")
        #expect(desk.state.evidenceForm?.errors[.time] == nil)
        for _ in 0..<5 where desk.state.evidenceForm?.focusedField?.id != .date { desk.press(.key(.backTab)) }
        #expect(desk.state.evidenceForm?.focusedField?.id == .date)
        desk.press(.ctrl("u"))
        desk.type("1901-03-14")
        #expect(desk.press(.ctrl("s")).isEmpty)
        #expect(desk.state.evidenceForm?.errors[.date] == "the date is before 1970: give the year it happened")
        desk.press(.ctrl("u"))
        desk.type("2026-03-14")
        Self.focus(&desk, on: .time)
        desk.press(.ctrl("u"))
        desk.type("08:05")
        Self.focus(&desk, on: .transmittal)
        desk.type("T-99")
        let effects = desk.press(.ctrl("s"))
        guard case .recordExchange(let exchange) = effects.first else {
            Issue.record("expected an exchange to record, got \(effects)")
            return
        }
        #expect(exchange.flow == .received)
        #expect(exchange.transmittalReference == "T-99")
        #expect(exchange.at == DeskFixtures.day("2026-03-14").addingTimeInterval(8 * 3600 + 5 * 60))
        #expect(exchange.requestID == DeskFixtures.request().id)
        #expect(desk.press(.ctrl("s")).isEmpty, "a second save is not sent while the first is on its way")

        let effectsAfter = desk.send(.evidenceSaved(.exchange(exchange)))
        #expect(desk.state.page == .detail)
        #expect(desk.state.evidenceForm == nil)
        #expect(desk.state.detail?.evidence.selected == exchange.id)
        #expect(effectsAfter == [.loadDetails(DeskFixtures.request().id, purpose: .view)])
        #expect(desk.state.message?.text.hasPrefix("Recorded exchange") == true)
    }

    @Test func escOnAChangedFormAsksFirst() {
        var desk = F.evidenceTab()
        desk.press(.char("x"), .key(.escape))
        #expect(desk.state.page == .detail, "an untouched form closes at once")
        desk.press(.char("x"))
        Self.focus(&desk, on: .counterpartPerson)
        desk.type("Sato")
        desk.press(.key(.escape))
        #expect(desk.state.dialog == .discard(.leaveForm))
        desk.press(.char("n"))
        #expect(desk.state.page == .evidenceForm)
        desk.press(.key(.escape), .char("y"))
        #expect(desk.state.page == .detail)
        #expect(desk.state.evidenceForm == nil)
    }

    @Test func anItemWithAMalformedDeclaredHashIsRefusedOnItsField() {
        var desk = F.evidenceTab()
        desk.press(.key(.down), .char("i"))
        guard case .item(let exchange) = desk.state.evidenceForm?.purpose else {
            Issue.record("expected the item form")
            return
        }
        #expect(exchange.id == F.received, "the selected item's exchange")
        Self.focus(&desk, on: .description)
        desk.type("Disk image")
        Self.focus(&desk, on: .declaredSHA256)
        desk.type("abc")
        #expect(desk.press(.ctrl("s")).isEmpty)
        #expect(desk.state.evidenceForm?.errors[.declaredSHA256] == "must be 64 hexadecimal digits (3 given)")
        desk.press(.ctrl("u"))
        desk.type(F.declared.uppercased())
        let effects = desk.press(.ctrl("s"))
        guard case .addItem(let item) = effects.first else {
            Issue.record("expected an item without a file, got \(effects)")
            return
        }
        #expect(item.declaredHashes == [HashDigest(algorithm: .sha256, value: F.declared)])
        #expect(item.exchangeID == F.received)
        #expect(desk.state.dialog == nil, "nothing to hash, no progress dialog")
    }

    @Test func anItemWithAFileHashesInTheBackgroundBehindAProgressDialog() {
        var desk = F.evidenceTab()
        desk.press(.char("i"))
        Self.focus(&desk, on: .description)
        desk.type("Mailbox export")
        Self.focus(&desk, on: .path)
        desk.type("/evidence/mailbox.mbox")
        let effects = desk.press(.ctrl("s"))
        guard case .hashItems(let template, let path) = effects.first else {
            Issue.record("expected hashing, got \(effects)")
            return
        }
        #expect(path == "/evidence/mailbox.mbox")
        #expect(template.description == "Mailbox export")
        #expect(desk.state.scope == .hashing)
        #expect(desk.press(.char("q")).isEmpty, "the dialog holds the keyboard: no quitting mid-hash")
        #expect(!desk.state.isFinished)

        let progress = HashProgress(bytesDone: 1 << 30, totalBytes: 4 << 30, bytesPerSecond: Double(1 << 30),
                                    fileIndex: 0, fileCount: 1, currentFile: RawPath("/evidence/mailbox.mbox"))
        desk.send(.hashProgress(progress))
        #expect(desk.state.dialog == .hashing(HashingDialogState(path: path, progress: progress)))

        #expect(desk.press(.key(.escape)) == [.cancel(.hashing)])
        #expect(desk.press(.key(.escape)).isEmpty, "one cancel is enough")
        desk.send(.hashingFailed(.cancelled))
        #expect(desk.state.dialog == nil)
        #expect(desk.state.message == DeskMessage("Hashing cancelled; nothing was recorded."))
        #expect(desk.state.page == .evidenceForm, "the form stays, ready to try again")
        #expect(desk.state.evidenceForm?.isSaving == false)
    }

    @Test func anUnreadableFileLeavesTheFormWithTheReasonOnThePath() {
        var desk = F.evidenceTab()
        desk.press(.char("i"))
        Self.focus(&desk, on: .description)
        desk.type("Gone")
        Self.focus(&desk, on: .path)
        desk.type("/nope")
        desk.press(.ctrl("s"))
        desk.send(.hashingFailed(.cannotOpen(RawPath("/nope"), reason: "No such file or directory")))
        #expect(desk.state.dialog == nil)
        #expect(desk.state.evidenceForm?.errors[.path] == "/nope cannot be opened: No such file or directory")
        #expect(desk.state.message?.isError == true)
    }

    @Test func hashedItemsCloseTheFormSelectTheItemAndSayItsHash() {
        var desk = F.evidenceTab()
        desk.press(.char("i"))
        Self.focus(&desk, on: .description)
        desk.type("Logs")
        Self.focus(&desk, on: .path)
        desk.type("/evidence/logs.csv")
        desk.press(.ctrl("s"))
        let item = EvidenceItem(exchangeID: F.received, description: "Logs", category: .logs,
                                computedHashes: [HashDigest(algorithm: .sha256, value: F.computed)])
        let effects = desk.send(.evidenceSaved(.items([item], skipped: 0)))
        #expect(desk.state.dialog == nil)
        #expect(desk.state.page == .detail)
        #expect(desk.state.detail?.evidence.selected == item.id)
        #expect(desk.state.message?.text == "Recorded item \(EvidenceID.short(item.id, among: [item.id])): SHA-256 \(F.computed)")
        #expect(effects == [.loadDetails(DeskFixtures.request().id, purpose: .view)])
        _ = desk.send(.evidenceSaved(.items([item], skipped: 1)))
        #expect(desk.state.message?.text.hasSuffix("\(F.computed). 1 skipped (links or special files).") == true,
                "one item recorded from a folder still says what was left out")
    }

    @Test func custodyEventsAreAddedToTheSelectedItemFromTheTabOrTheItemView() {
        var desk = F.evidenceTab()
        desk.press(.char("c"))
        #expect(desk.state.page == .detail, "an exchange has no custody")
        #expect(desk.state.message?.text == "Select an item first.")
        desk.press(.key(.down), .key(.enter), .char("c"))
        #expect(desk.state.page == .evidenceForm)
        Self.focus(&desk, on: .location)
        desk.type("Safe 3")
        let effects = desk.press(.ctrl("s"))
        guard case .appendCustody(let event) = effects.first else {
            Issue.record("expected a custody event, got \(effects)")
            return
        }
        #expect(event.itemID == F.mismatched)
        #expect(event.kind == .stored)
        #expect(event.location == "Safe 3")
        #expect(event.officer == "anna")
        let after = desk.send(.evidenceSaved(.custody(event)))
        #expect(desk.state.page == .evidenceItem, "back where the form was opened")
        #expect(after == [.loadDetails(DeskFixtures.request().id, purpose: .view), .loadTimeline(F.mismatched)])
    }

    /// Nothing can be recorded for an item after its destruction, so the form says so once.
    @Test func aDestructionIsRecordedOnlyAtTheSecondSave() {
        var desk = F.evidenceTab()
        desk.press(.key(.down), .key(.enter), .char("c"))
        Self.focus(&desk, on: .custodyKind)
        desk.type("destroy")
        desk.press(.char(" "))
        #expect(desk.press(.ctrl("s")).isEmpty)
        #expect(desk.state.message?.text.hasPrefix("Destroyed cannot be undone: nothing can be recorded for this item after it.") == true,
                "\(String(describing: desk.state.message))")
        Self.focus(&desk, on: .location)
        desk.type("Shredder room")
        #expect(desk.press(.ctrl("s")).isEmpty, "an edit since the warning asks again")
        guard case .appendCustody(let event)? = desk.press(.ctrl("s")).first else {
            Issue.record("the second save records it")
            return
        }
        #expect(event.kind == .destroyed && event.location == "Shredder room")
    }

    @Test func theBannerSaysWhatTheOpeningVerifyFound() {
        var desk = DeskDriver()
        #expect(AppState.startEffects.contains(.verifyDesk))
        desk.send(.deskVerified(VerifyReport(auditRows: 10, requests: 2)))
        #expect(desk.state.banner == nil)
        desk.send(.deskVerified(VerifyReport(evidenceMismatches: ["item a", "item b"])))
        #expect(desk.state.banner == DeskBanner(text: "Note: 2 evidence items have hashes that disagree — see `mladesk verify`",
                                                isAlarm: false))
        desk.send(.deskVerified(VerifyReport(chainBreak: (sequence: 42, problem: "edited"), recordProblems: ["x"],
                                             evidenceMismatches: ["item a"])))
        #expect(desk.state.banner == DeskBanner(text: "Audit chain broken at sequence 42 — run `mladesk verify`",
                                                isAlarm: true))
        desk.send(.overviewLoaded(ScreenTests.overview))
        let screen = desk.render()
        #expect(screen.rowText(1) == " ! Audit chain broken at sequence 42 — run `mladesk verify`")
        assertRole(screen, of: "Audit chain broken", is: .banner)
        #expect(screen.rowText(3) == "  Needs attention", "the page moves down a row")
        desk.send(.deskVerified(VerifyReport(evidenceMismatches: ["item a"])))
        assertRole(desk.render(), of: "1 evidence item has", is: .warning)
    }

    @Test func newKeysAreInTheHelpAndTheKeyBar() {
        var desk = DeskDriver(width: 250, height: 200)
        desk.press(.char("?"))
        let help = desk.render()
        for text in ["Record an evidence exchange", "Add an item to the selected exchange",
                     "Add a custody event to the selected item", "Cancel the hashing; nothing is recorded",
                     "Open the selected item"] {
            #expect(help.contains(text), "help lists “\(text)”")
        }
        let bar = KeyBindings.standard.barItems(for: .evidence).map { "\($0.key) \($0.label)" }
        #expect(bar.starts(with: ["Enter Open item", "x Exchange", "i Item", "c Custody"]))
        let remapped = try! KeyBindings.standard.remapped(with: "evidence.record_exchange = X")
        #expect(remapped.barItems(for: .evidence).contains { $0.key == "X" && $0.label == "Exchange" })
    }
}
