import DeskApp
import DeskCore
import DeskStore
import DeskTestSupport
import Foundation
import Testing
import TermUI

/// The import screen against real desks: staging and applying run off the loop, and no staged
/// copy is left behind whatever the officer does.
@Suite struct PackageImportRunnerTests {
    private func runner(_ desks: PackageDesks, _ terminal: HeadlessTerminal) throws -> DeskRunner {
        let runner = try DeskRunner(terminal: terminal, store: desks.receiver, reference: DeskFixtures.reference,
                                    clock: FixedClock(DeskFixtures.now), timeZone: DeskFixtures.utc)
        runner.start()
        BackgroundTaskTests.pump(runner) { !runner.isBackgroundBusy }
        return runner
    }

    /// Presses `i`, types the folder and Enter, and waits for the check to answer.
    private func check(_ folder: String, _ runner: DeskRunner, _ terminal: HeadlessTerminal) {
        terminal.enqueue([.char("i")] + folder.map { KeyEvent.char($0) } + [.key(.enter)])
        runner.processPending()
        BackgroundTaskTests.pump(runner) { !runner.isBackgroundBusy }
    }

    @Test func aPackageIsCheckedPreviewedAppliedAndItsStagingRemoved() throws {
        let desks = try PackageDesks()
        let terminal = HeadlessTerminal(width: 100, height: 30)
        let runner = try runner(desks, terminal)
        check(try desks.export(), runner, terminal)
        #expect(runner.state.page == .packageImport)
        #expect(runner.stagedPackageCount == 1)
        #expect(try desks.stagingFolders().count == 1)
        let shown = terminal.lastScreen?.contains("+ \(desks.request.reference)  added") == true
        #expect(shown)

        terminal.enqueue([.key(.enter), .char("y")])
        runner.processPending()
        BackgroundTaskTests.pump(runner) { !runner.isBackgroundBusy && runner.state.dialog == nil }
        #expect(runner.state.page == .home)
        #expect(runner.state.message?.text == "Imported the package from Desk A: 1 added, 0 updated, 0 unchanged.")
        #expect(try desks.receiver.details(id: desks.request.id)?.request.reference == desks.request.reference)
        #expect(runner.state.home.overview?.total(.outgoing) == 1, "the desk's counts are loaded again")
        #expect(runner.stagedPackageCount == 0)
        #expect(try desks.stagingFolders().isEmpty)
        #expect(try desks.receiver.auditTrail().last?.action == "package_import")
    }

    @Test func aPackageFromAnUntrustedDeskIsRefusedAuditedAndNothingChanges() throws {
        let desks = try PackageDesks()
        let stranger = try PackageDesks(senderName: "Somebody else")
        let terminal = HeadlessTerminal(width: 100, height: 30)
        let runner = try runner(desks, terminal)
        check(try stranger.export(), runner, terminal)
        guard case .notice(let notice) = runner.state.dialog else {
            Issue.record("no notice: \(String(describing: runner.state.dialog))")
            return
        }
        #expect(notice.text.contains("does not verify with any key this desk trusts"))
        #expect(runner.state.page == .home)
        #expect(try desks.receiver.details(id: stranger.request.id) == nil)
        #expect(try desks.receiver.auditTrail().last?.action == "package_rejected")
        #expect(try desks.stagingFolders().isEmpty)
    }

    @Test func puttingThePackageAwayOrQuittingRemovesTheStagedCopy() throws {
        let desks = try PackageDesks()
        let terminal = HeadlessTerminal(width: 100, height: 30)
        let runner = try runner(desks, terminal)
        check(try desks.export("first"), runner, terminal)
        #expect(try desks.stagingFolders().count == 1)
        terminal.enqueue([.key(.escape)])
        runner.processPending()
        #expect(runner.state.page == .home)
        #expect(runner.stagedPackageCount == 0)
        #expect(try desks.stagingFolders().isEmpty)

        check(try desks.export("second"), runner, terminal)
        #expect(runner.state.page == .packageImport)
        #expect(try desks.stagingFolders().count == 1)
        terminal.enqueue([.ctrl("q")])
        runner.processPending()
        #expect(runner.state.isFinished)
        #expect(try desks.stagingFolders().isEmpty)
        #expect(try desks.receiver.details(id: desks.request.id) == nil)
    }

    @Test func quittingLeavesTheStagedPackagesOfOtherDesksInTheProcessAlone() throws {
        let desks = try PackageDesks()
        let other = try PackageDesks()
        let staged = try other.receiver.stagePackage(at: try other.export(), reference: DeskFixtures.reference,
                                                     recordRefusal: false)
        defer { staged.discard() }
        let terminal = HeadlessTerminal(width: 100, height: 30)
        let runner = try runner(desks, terminal)
        terminal.enqueue([.ctrl("q")])
        runner.run()
        #expect(runner.state.isFinished)
        #expect(try other.stagingFolders().count == 1, "another desk's staged copy survives this desk quitting")
    }

    @Test func quittingWhileAPackageIsStillCheckedLeavesNoStagedCopy() throws {
        let desks = try PackageDesks()
        let terminal = HeadlessTerminal(width: 100, height: 30)
        let runner = try runner(desks, terminal)
        terminal.enqueue([.char("i")] + (try desks.export()).map { KeyEvent.char($0) }
            + [.key(.enter), .key(.escape), .ctrl("q")])
        runner.run()
        #expect(runner.state.isFinished)
        #expect(!runner.isBackgroundBusy, "the desk waited for the check to end")
        #expect(try desks.stagingFolders().isEmpty)
        #expect(runner.stagedPackageCount == 0)
    }

    @Test func aDeskRemovesOnlyItsOwnStagingFolders() throws {
        let desks = try PackageDesks()
        let other = try PackageDesks()
        let mine = try desks.receiver.stagePackage(at: try desks.export(), reference: DeskFixtures.reference,
                                                   recordRefusal: false)
        let theirs = try other.receiver.stagePackage(at: try other.export(), reference: DeskFixtures.reference,
                                                     recordRefusal: false)
        defer { [mine, theirs].forEach { $0.discard() } }
        desks.receiver.removeStagingFolders()
        #expect(try desks.stagingFolders().isEmpty)
        #expect(try other.stagingFolders().count == 1)
    }

    @Test func aClosedStoreRefusesAPackageAndLeavesItToItsOwner() throws {
        let desks = try PackageDesks()
        let staged = StagedPackages()
        let kept = try desks.receiver.stagePackage(at: try desks.export("kept"), reference: DeskFixtures.reference,
                                                   recordRefusal: false)
        #expect(staged.add(kept) != nil)
        staged.close()
        #expect(staged.count == 0)
        let late = try desks.receiver.stagePackage(at: try desks.export("late"), reference: DeskFixtures.reference,
                                                   recordRefusal: false)
        #expect(try desks.stagingFolders().count == 1, "closing discarded the kept package")
        #expect(staged.add(late) == nil)
        #expect(try desks.stagingFolders().count == 1, "the late package is still its owner's to discard")
        late.discard()
        #expect(try desks.stagingFolders().isEmpty)
    }

    @Test func aCheckAskedForWhileAnAbandonedOneStillCopiesIsBusyNotRefused() throws {
        let desks = try PackageDesks()
        let tasks = BackgroundTasks()
        let release = Cancellation()
        defer { release.cancel() }
        tasks.start(.package) { _, _ in
            while !release.isCancelled { usleep(1_000) }
            return nil
        }
        let effects = EffectRunner(store: desks.receiver, reference: DeskFixtures.reference,
                                   clock: FixedClock(DeskFixtures.now), tasks: tasks)
        #expect(effects.run(.stagePackage(folder: try desks.export(), check: 7)) == [.packageCheckBusy(check: 7)])
    }
}
