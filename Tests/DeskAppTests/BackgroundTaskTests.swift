import DeskApp
import DeskCore
import DeskStore
import DeskTestSupport
import Foundation
import Testing
import TermUI

@Suite struct BackgroundTaskTests {
    /// Runs the loop's pending work until `done` holds, failing after `seconds`.
    static func pump(_ runner: DeskRunner, seconds: Double = 20, until done: () -> Bool) {
        let deadline = Date().addingTimeInterval(seconds)
        while !done() {
            runner.processPending()
            if Date() > deadline {
                Issue.record("background work did not finish in \(seconds) s")
                return
            }
            usleep(10_000)
        }
        runner.processPending()
    }

    @Test func aFileIsHashedOffTheLoopAndRecordedThroughTheForm() throws {
        let folder = try TemporaryDirectory("background")
        let clock = FixedClock(DeskFixtures.now)
        let store = try DeskStore.open(path: folder.path("desk.mladesk"), officer: "anna", clock: clock,
                                       reference: DeskFixtures.reference)
        var draft = DeskFixtures.request()
        draft.id = UUID()
        let request = try store.create(draft)
        let exchange = try store.recordExchange(EvidenceExchange(requestID: request.id, flow: .received,
                                                                 at: DeskFixtures.now, medium: .usbDrive))
        let file = folder.path("abc.txt")
        try Data("abc".utf8).write(to: URL(fileURLWithPath: file))
        let sha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"

        let terminal = HeadlessTerminal(width: 80, height: 24)
        let runner = try DeskRunner(terminal: terminal, store: store, reference: DeskFixtures.reference, clock: clock,
                                    timeZone: DeskFixtures.utc)
        runner.start()
        Self.pump(runner) { !runner.isBackgroundBusy }
        #expect(runner.state.banner == nil, "a sound case file shows no banner")

        terminal.enqueue([.char("l"), .key(.enter), .char("4"), .key(.down), .char("i")])
        runner.processPending()
        #expect(runner.state.page == .evidenceForm)
        while runner.state.evidenceForm?.focusedField?.id != .description { terminal.enqueue([.key(.tab)]); runner.processPending() }
        terminal.enqueue("Three letters".map { KeyEvent.char($0) } + [.key(.tab)] + file.map { KeyEvent.char($0) }
            + [.ctrl("s")])
        runner.processPending()
        Self.pump(runner) { !runner.isBackgroundBusy && runner.state.dialog == nil }

        #expect(runner.state.page == .detail)
        #expect(runner.state.message?.text.hasSuffix("SHA-256 \(sha256)") == true)
        #expect(terminal.lastScreen?.contains("SHA-256 ba7816bf8f01…") == true)
        let items = try #require(try store.details(id: request.id)).items
        #expect(items.count == 1)
        #expect(items.first?.exchangeID == exchange.id)
        #expect(items.first?.computedHashes == [HashDigest(algorithm: .sha256, value: sha256)])
        #expect(items.first?.originalFileName == "abc.txt")
    }

    @Test func tasksPostMessagesThatTheInboxHandsOverOnceAndCancelReachesThem() throws {
        let tasks = BackgroundTasks()
        let release = Cancellation()
        #expect(tasks.start(.hashing) { cancellation, post in
            post(.hashingFailed(.cannotOpen(RawPath("/a"), reason: "first")))
            while !cancellation.isCancelled && !release.isCancelled { usleep(1_000) }
            return .hashingFailed(cancellation.isCancelled ? .cancelled : .cannotOpen(RawPath("/a"), reason: "released"))
        })
        #expect(!tasks.start(.hashing) { _, _ in nil }, "one task per slot")
        #expect(tasks.isRunning(.hashing))
        tasks.cancel(.hashing)
        let deadline = Date().addingTimeInterval(10)
        while tasks.isBusy && Date() < deadline { usleep(1_000) }
        #expect(!tasks.isBusy)
        #expect(tasks.drain() == [.hashingFailed(.cannotOpen(RawPath("/a"), reason: "first")), .hashingFailed(.cancelled)])
        #expect(tasks.drain().isEmpty)
    }

    @Test func aTasksLastAnswerArrivesWithItsSlotFreeSoTheWorkItLeadsToCanStart() {
        let tasks = BackgroundTasks()
        for round in 0..<100 {
            #expect(tasks.start(.package) { _, _ in .hashingFailed(.cancelled) }, "round \(round)")
            var answers: [Msg] = []
            let deadline = Date().addingTimeInterval(10)
            while answers.isEmpty && Date() < deadline {
                answers = tasks.drain()
                if answers.isEmpty { usleep(50) }
            }
            #expect(answers == [.hashingFailed(.cancelled)])
            #expect(!tasks.isRunning(.package), "round \(round): the answer came before the slot freed")
        }
    }

    @Test func waitingForASlotEndsWhenItsTaskEndsOrAtTheTimeout() {
        let tasks = BackgroundTasks()
        let release = Cancellation()
        tasks.start(.package) { _, _ in
            while !release.isCancelled { usleep(1_000) }
            return nil
        }
        #expect(!tasks.wait(for: .package, timeout: 0.05), "still running at the timeout")
        release.cancel()
        #expect(tasks.wait(for: .package, timeout: 10))
        #expect(!tasks.isRunning(.package))
        #expect(tasks.wait(for: .hashing, timeout: 0), "an empty slot is free at once")
    }
}
