import DeskApp
import DeskCore
import DeskStore
import DeskTestSupport
import Foundation
import Testing
import TermUI

@Suite struct PackageImportTests {
    /// A real preview of one added request from "Desk A", staged once and put away.
    static let preview: PackagePreview = {
        do {
            return try PackageDesks().preview()
        } catch {
            fatalError("the package fixture does not stage: \(error)")
        }
    }()

    static let stagingID = UUID(uuidString: "00000000-0000-0000-0000-00000000abcd")!

    /// The desk after `i`, a folder typed and Enter: the check is running.
    static func checking(width: Int = 100, height: Int = 30) -> DeskDriver {
        var desk = DeskDriver(width: width, height: height)
        desk.send(.overviewLoaded(ScreenTests.overview))
        desk.press(.char("i"))
        desk.type("/media/usb/package")
        desk.press(.key(.enter))
        return desk
    }

    /// The import screen showing `preview`.
    static func previewing(_ preview: PackagePreview = preview, width: Int = 100, height: Int = 30) -> DeskDriver {
        var desk = checking(width: width, height: height)
        desk.send(.packageStaged(id: stagingID, preview: preview, check: 1))
        return desk
    }

    // MARK: update

    @Test func iOnTheDeskAsksForTheFolderAndEmptyOrEscCancels() {
        var desk = DeskDriver()
        desk.send(.overviewLoaded(ScreenTests.overview))
        #expect(desk.press(.char("i")).isEmpty)
        guard case .prompt(let prompt) = desk.state.dialog else {
            Issue.record("no prompt: \(String(describing: desk.state.dialog))")
            return
        }
        #expect(prompt.purpose == .packageFolder)
        #expect(desk.render().contains("Folder of the exchange package"))
        #expect(desk.press(.key(.enter)).isEmpty, "an empty folder cancels")
        #expect(desk.state.dialog == nil)
        desk.press(.char("i"))
        desk.type("   ")
        #expect(desk.press(.key(.enter)).isEmpty, "blanks are empty too")
        #expect(desk.state.dialog == nil)
        desk.press(.char("i"))
        desk.type("/media/usb")
        #expect(desk.press(.key(.escape)).isEmpty)
        #expect(desk.state.dialog == nil && desk.state.page == .home)
    }

    @Test func aFolderStartsTheCheckBehindAProgressDialog() {
        var desk = DeskDriver(width: 100, height: 30)
        desk.send(.overviewLoaded(ScreenTests.overview))
        desk.press(.char("i"))
        desk.type("/media/usb/package")
        #expect(desk.press(.key(.enter)) == [.stagePackage(folder: "/media/usb/package", check: 1)])
        #expect(desk.state.dialog == .checkingPackage(folder: "/media/usb/package", check: 1))
        let screen = desk.render()
        #expect(screen.contains("Checking package…"))
        #expect(screen.contains("Esc  stop waiting"))
        #expect(desk.press(.char("q")).isEmpty, "the dialog holds the keyboard: q does not quit")
        #expect(!desk.state.isFinished)
    }

    @Test func theStagedPackageOpensThePreviewAndEscOrQPutsItAway() {
        for cancel in [KeyEvent.key(.escape), .char("q")] {
            var desk = Self.previewing()
            #expect(desk.state.dialog == nil)
            #expect(desk.state.page == .packageImport)
            let effects = desk.press(cancel)
            #expect(effects == [.discardPackage(id: Self.stagingID), .loadOverview])
            #expect(desk.state.page == .home && desk.state.packageImport == nil)
            #expect(desk.state.message?.text == "The package was put away; nothing was imported.")
            #expect(!desk.state.isFinished)
        }
    }

    @Test func applyAsksFirstThenImportsAndRefreshesTheDesk() {
        var desk = Self.previewing()
        #expect(desk.press(.key(.enter)).isEmpty)
        #expect(desk.state.dialog == .confirmPackage)
        #expect(desk.render().contains("Apply 1 added, 0 updated from Desk A?"))
        #expect(desk.press(.char("n")).isEmpty)
        #expect(desk.state.dialog == nil && desk.state.page == .packageImport)
        desk.press(.char("a"))
        #expect(desk.state.dialog == .confirmPackage)
        #expect(desk.press(.char("y")) == [.importPackage(id: Self.stagingID)])
        #expect(desk.state.dialog == .applyingPackage)
        #expect(desk.render().contains("Importing the package from Desk A…"))
        #expect(desk.press(.key(.escape)).isEmpty, "applying cannot be stopped halfway")
        let effects = desk.send(.packageImported(Self.preview))
        #expect(effects == [.discardPackage(id: Self.stagingID), .loadOverview])
        #expect(desk.state.dialog == nil && desk.state.page == .home && desk.state.packageImport == nil)
        #expect(desk.state.message == DeskMessage("Imported the package from Desk A: 1 added, 0 updated, 0 unchanged."))
    }

    @Test func aRefusedPackageShowsTheStoresSentenceAndChangesNothing() {
        var desk = Self.checking()
        let refusal = DeskError.importRejected("manifest.sig does not verify with any key this desk trusts")
        #expect(desk.send(.failed(refusal, during: .packageCheck(check: 1))).isEmpty)
        #expect(desk.state.dialog == .notice(NoticeState(title: "Package not imported", text: refusal.description)))
        #expect(desk.state.page == .home && desk.state.packageImport == nil)
        let shown = desk.render().contains("Import refused, nothing was changed: manifest.sig does not verify")
        #expect(shown)
        desk.press(.key(.enter))
        #expect(desk.state.dialog == nil)
    }

    @Test func aFailureAtApplyShowsTheErrorAndLeavesTheScreen() {
        var desk = Self.previewing()
        desk.press(.key(.enter), .char("y"))
        let conflict = DeskError.importRejected("OUT-2026-0003 was also changed on this desk since the sender's copy was made")
        let effects = desk.send(.failed(conflict, during: .packageImport))
        #expect(effects == [.discardPackage(id: Self.stagingID), .loadOverview])
        #expect(desk.state.dialog == .notice(NoticeState(title: "Package not imported", text: conflict.description)))
        #expect(desk.state.page == .home && desk.state.packageImport == nil)
    }

    @Test func stoppingTheWaitCancelsAndALateAnswerIsDiscarded() {
        var desk = Self.checking()
        #expect(desk.press(.key(.escape)) == [.cancel(.package)])
        #expect(desk.state.dialog == nil)
        #expect(desk.state.message?.text == "Stopped waiting for the package; nothing was imported.")
        #expect(desk.send(.packageStaged(id: Self.stagingID, preview: Self.preview, check: 1)) == [.discardPackage(id: Self.stagingID)])
        #expect(desk.state.page == .home && desk.state.packageImport == nil)
    }

    @Test func aLateAnswerOfAnAbandonedCheckLandsNeitherOnTheMessageNorOnTheNextCheck() {
        var desk = Self.checking()
        desk.press(.key(.escape))
        let refusal = DeskError.importRejected("manifest.sig does not verify with any key this desk trusts")
        #expect(desk.send(.failed(refusal, during: .packageCheck(check: 1))).isEmpty)
        #expect(desk.state.dialog == nil)
        #expect(desk.state.message?.text == "Stopped waiting for the package; nothing was imported.")

        desk.press(.char("i"))
        desk.type("/media/usb/other")
        #expect(desk.press(.key(.enter)) == [.stagePackage(folder: "/media/usb/other", check: 2)])
        let waiting = Dialog.checkingPackage(folder: "/media/usb/other", check: 2)
        #expect(desk.send(.failed(refusal, during: .packageCheck(check: 1))).isEmpty)
        #expect(desk.state.dialog == waiting, "the first check's refusal does not replace the second's dialog")
        #expect(desk.send(.packageStaged(id: Self.stagingID, preview: Self.preview, check: 1))
            == [.discardPackage(id: Self.stagingID)])
        #expect(desk.state.dialog == waiting && desk.state.page == .home, "nor does its package")

        let second = UUID()
        #expect(desk.send(.packageStaged(id: second, preview: Self.preview, check: 2)).isEmpty)
        #expect(desk.state.page == .packageImport && desk.state.packageImport?.stagingID == second)
    }

    @Test func aCheckThatCannotStartYetSaysSoWithoutARefusal() {
        var desk = Self.checking()
        #expect(desk.send(.packageCheckBusy(check: 1)).isEmpty)
        guard case .notice(let notice) = desk.state.dialog else {
            Issue.record("no notice: \(String(describing: desk.state.dialog))")
            return
        }
        #expect(!notice.isError)
        #expect(notice.title == "Package not checked yet")
        let screen = desk.render()
        #expect(screen.contains("still being copied"))
        #expect(!screen.contains("refused") && !screen.contains("not imported"))
    }

    @Test func thePreviewScrollsWithTheSharedKeys() {
        var preview = Self.preview
        preview.notes = (1...30).map { "Note number \($0)" }
        var desk = Self.previewing(preview, width: 80, height: 16)
        desk.press(.key(.down), .char("j"))
        #expect(desk.state.packageImport?.scroll == 2)
        desk.press(.key(.up))
        #expect(desk.state.packageImport?.scroll == 1)
        desk.press(.char(" "))
        #expect(desk.state.packageImport?.scroll == 1 + 12)
        desk.press(.key(.pageDown), .key(.pageDown), .key(.pageDown))
        let last = desk.render()
        #expect(last.contains("Note: Note number 30"))
        #expect(!last.contains("From:"))
        desk.press(.key(.pageUp), .key(.pageUp), .key(.pageUp), .key(.pageUp))
        #expect(desk.state.packageImport?.scroll == 0)
    }

    @Test func theScreenAndItsDialogsDrawAtEverySizeAndAResizeKeepsTheScrollInRange() {
        var preview = Self.preview
        preview.notes = (1...30).map { "Note number \($0)" }
        var desk = Self.checking()
        let sizes = [(80, 24), (120, 40), (40, 10), (200, 60), (10, 3), (0, 0)]
        /// Draws at every size, then shows the frame at 80×24.
        func drawAll() -> Screen {
            for (width, height) in sizes {
                desk.send(.resize(width: width, height: height))
                _ = desk.render()
            }
            desk.send(.resize(width: 80, height: 24))
            return desk.render()
        }
        var screen = drawAll()
        #expect(screen.contains("Import package") && screen.contains("Checking package…"))
        desk.send(.packageStaged(id: Self.stagingID, preview: preview, check: 1))
        desk.press(.key(.end), .key(.pageDown), .key(.pageDown), .key(.pageDown))
        let bottom = desk.state.packageImport?.scroll ?? 0
        #expect(bottom > 0)
        desk.send(.resize(width: 80, height: 60))
        #expect((desk.state.packageImport?.scroll ?? 0) < bottom, "a taller screen shows more and scrolls back")
        screen = drawAll()
        #expect(screen.contains("Would import package") && screen.contains("Note: Note number"))
        desk.press(.key(.enter))
        screen = drawAll()
        #expect(screen.contains("Apply the package") && screen.contains("Apply 1 added, 0 updated from Desk A?"))
        desk.press(.char("y"))
        screen = drawAll()
        #expect(screen.contains("Apply the package") && screen.contains("Importing the package from Desk A…"))
        desk.send(.failed(.importRejected("a conflict"), during: .packageImport))
        screen = drawAll()
        #expect(screen.contains("Package not imported") && screen.contains("a conflict"))
    }

    // MARK: screen

    @Test func thePreviewShowsSenderRecipientDateSequenceAndEveryRequest() {
        var preview = Self.preview
        var updated = preview.requests[0]
        updated.reference = RequestReference(direction: .incoming, year: 2026, sequence: 12)
        updated.kind = .updated(fromVersion: 2, toVersion: 4)
        updated.fieldChanges = "urgency: routine → urgent; summaryOfFacts"
        updated.newStatusChanges = 1
        updated.changedChecklistItems = 2
        updated.newOrChangedItems = 0
        updated.newCustodyEvents = 0
        var unchanged = preview.requests[0]
        unchanged.reference = RequestReference(direction: .incoming, year: 2026, sequence: 13)
        unchanged.kind = .unchanged
        preview.requests += [updated, unchanged]
        preview.notes = ["This package (sequence 1) is older than one already imported from the same sender (sequence 2)."]
        let desk = Self.previewing(preview, width: 160, height: 30)
        let screen = desk.render()
        let added = preview.requests[0].reference
        let id = preview.packageID.uuidString.lowercased()
        let rows = [
            " Would import package \(id)",
            " From:        Desk A (key \(preview.senderKeyID), desk \(preview.senderDeskID))",
            " To:          desk \(preview.recipientDeskID ?? "")",
            " Made:        2026-03-14 09:30",
            " Sequence:    \(preview.sequence)",
            " Audit head:  \(preview.senderAuditHead)",
            " 1 added, 1 updated, 1 unchanged; 0 evidence file(s).",
            "   + \(added)  added, with 0 evidence item(s), 0 custody event(s)",
            "   ~ IN-2026-0012  updated v2 → v4: 1 status change(s), 2 checklist item(s), 0 evidence item(s), 0 custody event(s) new or changed",
            "       Changed: urgency: routine → urgent; summaryOfFacts",
            "   = IN-2026-0013  unchanged, already here",
            " Note: This package (sequence 1) is older than one already imported from the same sender (sequence 2).",
        ]
        for (offset, row) in rows.enumerated() {
            #expect(screen.lines()[1 + offset].hasPrefix(row), "row \(1 + offset): \(screen.lines()[1 + offset])")
        }
        assertRole(screen, of: "+ \(added)", is: .ok)
        assertRole(screen, of: "~ IN-2026-0012", is: .warning)
        assertRole(screen, of: "= IN-2026-0013", is: .dim)
        let bar = screen.lines()[29]
        #expect(bar.contains("Enter Apply") && bar.contains("Esc Cancel"))
        #expect(bar.contains("Ctrl-Q Quit") && !bar.contains("q Quit"), "q cancels here, so the bar offers Ctrl-Q")
    }

    @Test func aHostileSenderNameAndFieldChangesAreDrawnSanitised() {
        var preview = Self.preview
        preview.senderLabel = "Evil\u{1B}]0;pwned\u{07}Desk\u{202E}kcab"
        var updated = preview.requests[0]
        updated.kind = .updated(fromVersion: 1, toVersion: 2)
        updated.fieldChanges = "operation: OP-1 → \u{1B}[2J\u{1B}[31mOP-2"
        preview.requests = [updated]
        preview.files = []
        var desk = Self.previewing(preview, width: 120, height: 30)
        var screen = desk.render()
        #expect(screen.contains("From:        Evil^[]0;pwned^GDesk⟨RLO⟩kcab (key"))
        #expect(screen.contains("Changed: operation: OP-1 → ^[[2J^[[31mOP-2"))
        desk.press(.key(.enter))
        screen = desk.render()
        #expect(screen.contains("Apply 0 added, 1 updated from Evil^[]0;pwned^GDesk⟨RLO⟩kcab?"))
        let text = screen.lines().joined()
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0.value == 0x202E })
    }

    @Test func aLineBreakInASendersTextCannotForgeAPreviewLine() {
        for breaker in ["\n", "\r", "\u{2028}"] {
            var preview = Self.preview
            var updated = preview.requests[0]
            updated.kind = .updated(fromVersion: 1, toVersion: 2)
            updated.fieldChanges = "summaryOfFacts\(breaker)  + IN-2026-9998  added"
            preview.requests = [updated]
            preview.files = [PackageFile(sha256: String(repeating: "ab", count: 32), size: 3,
                                         displayName: "scan.pdf\(breaker)  + IN-2026-9999  added", alreadyStored: false)]
            let screen = Self.previewing(preview, width: 160, height: 30).render()
            let forged = screen.lines().filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("+ IN-2026-99") }
            #expect(forged.isEmpty, "a row of its own: \(forged)")
            #expect(screen.contains("scan.pdf"), "the name is still shown")
        }
    }

    @Test func aLineBreakInARefusalCannotForgeARowOfTheNotice() {
        var desk = Self.checking()
        desk.send(.failed(.importRejected("payload \"x\n  + IN-2026-9999  added\" is not allowed"), during: .packageCheck(check: 1)))
        let screen = desk.render()
        #expect(screen.contains("payload \"x⏎  + IN-2026-9999"))
        let forged = screen.lines().filter { $0.range(of: "│ *\\+ IN-2026-9999", options: .regularExpression) != nil }
        #expect(forged.isEmpty, "a row of its own: \(forged)")
    }
}
