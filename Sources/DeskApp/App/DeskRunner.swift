import DeskCore
import DeskStore
import Foundation
import TermUI

/// The desk's run loop, as an instance that is handed its terminal, case file and clock.
///
/// Each event goes: resize first (nothing may swallow it) → key table of the focused scope →
/// ``update(_:_:)`` → effects run against the store, their answers fed back → ``view(_:into:)``.
/// The view is a pure function of the state, so a frame is drawn only after a message reached
/// ``update(_:_:)``, and presented only when it differs from the last one: idle ticks and keys
/// that change nothing never redraw. Messages posted by background tasks are drained after every
/// event and every wait; while a task runs the wait is short, so progress shows as it happens.
public final class DeskRunner {
    public private(set) var state: AppState
    private let terminal: any Terminal
    private let effects: EffectRunner
    private let clock: any Clock
    private var lastFrame: Screen?
    private var started = false
    /// Whether a message reached ``update(_:_:)`` since the last frame was drawn.
    private var stateChanged = true
    /// Frames drawn with ``view(_:into:)`` (presented or not), so tests can see that an event
    /// which changed no state cost no drawing.
    public private(set) var drawnFrames = 0
    /// The signal that ended the run (the terminal closed, SIGTERM), if one did: the caller
    /// closes the case file and then ends with it.
    public private(set) var endingSignal: Int32?

    /// - Parameter keymapText: the user's keys file, if any; an unreadable line throws with its number.
    public init(terminal: any Terminal, store: DeskStore, reference: ReferenceData, clock: any Clock = SystemClock(),
                keymapText: String? = nil, timeZone: TimeZone = .current,
                templates: TemplateLibrary? = nil) throws(KeyMapError) {
        var keys = KeyBindings.standard
        if let keymapText { keys = try keys.remapped(with: keymapText) }
        let context = DeskContext(reference: reference, officer: store.officer, keys: keys, timeZone: timeZone,
                                  templates: templates)
        let size = terminal.size
        self.terminal = terminal
        self.clock = clock
        self.effects = EffectRunner(store: store, reference: reference, clock: clock)
        self.state = AppState(context: context, width: size.width, height: size.height, now: clock.now())
    }

    /// How long the loop waits for a key while background work runs, and while it does not.
    static let busyPollMilliseconds = 50
    static let idlePollMilliseconds = 1000

    /// Runs until the officer quits, then stops any background work. The caller restores the
    /// terminal afterwards.
    public func run() {
        start()
        while !state.isFinished {
            let timeout = effects.tasks.isBusy ? Self.busyPollMilliseconds : Self.idlePollMilliseconds
            if let event = terminal.nextEvent(timeoutMilliseconds: timeout) {
                handle(event)
                handleQueued()
                render()
            } else {
                tick()
            }
        }
        finish()
    }

    /// How long an ending desk waits for a package check that is still copying.
    static let packageWaitSeconds: TimeInterval = 5

    /// Stops background work. Quitting closed the staged packages, so a package check that
    /// cannot stop halfway discards its own copy when it finishes; the desk waits a little for
    /// that, then removes whatever of its own staging is still being filled. Staging folders of
    /// other desks in the same process are not touched.
    private func finish() {
        effects.tasks.cancelAll()
        if !effects.tasks.wait(for: .package, timeout: Self.packageWaitSeconds) {
            effects.store.removeStagingFolders()
        }
    }

    /// Whether background work (hashing, the opening verify, a package) is still running.
    public var isBackgroundBusy: Bool { effects.tasks.isBusy }

    /// How many checked packages wait on the import screen with a staged copy.
    public var stagedPackageCount: Int { effects.staged.count }

    /// Loads the desk and draws the first frame; `run()` calls it, tests may call it alone.
    public func start() {
        guard !started else { return }
        started = true
        perform(AppState.startEffects)
        drainBackground()
        render()
    }

    /// Handles one event and redraws if anything visible changed.
    public func process(_ event: KeyEvent) {
        start()
        handle(event)
        render()
    }

    private func handle(_ event: KeyEvent) {
        if case .ending(let signal) = event {
            // Asked to end: as quitting, without asking about unsaved edits, which are not saved.
            endingSignal = signal
            state.isFinished = true
            return
        }
        let now = clock.now()
        if now != state.now {
            // Exact for every key: a status change records the moment it is made, and a form
            // saved within the same minute must not find that moment ahead of "now".
            dispatch(.tick(now))
        }
        if let msg = KeyRouter.message(for: event, in: state) {
            dispatch(msg)
        }
        drainBackground()
    }

    /// Handles the keys already waiting before the next frame is drawn. Text pasted by a
    /// terminal that does not mark pastes arrives as a burst of keys: drawing after each key, and
    /// editing the whole text once per character, made a paste of 20,000 characters take minutes.
    /// So the keys are read first, and a run of ``pasteRun`` or more characters bound for a text
    /// widget is handed over as one paste. Nobody types that many keys within one frame.
    private func handleQueued() {
        var queued: [KeyEvent] = []
        while queued.count < Self.burstLimit, let event = terminal.nextEvent(timeoutMilliseconds: 0) {
            queued.append(event)
        }
        var index = 0
        while index < queued.count, !state.isFinished {
            if case .char = queued[index], KeyRouter.takesText(state) {
                var run = ""
                var end = index
                while end < queued.count, case .char(let c) = queued[end] {
                    run.append(c)
                    end += 1
                }
                if end - index >= Self.pasteRun {
                    handle(.paste(run))
                    index = end
                    continue
                }
            }
            handle(queued[index])
            index += 1
        }
    }

    /// Characters in a row, already waiting, that are taken for a paste.
    static let pasteRun = 8
    /// Keys read ahead at most before a frame is drawn.
    static let burstLimit = 65_536

    /// Handles every event already queued and every message background work has posted,
    /// without waiting; returns false once the desk quit.
    @discardableResult
    public func processPending() -> Bool {
        start()
        while !state.isFinished, let event = terminal.nextEvent(timeoutMilliseconds: 0) {
            process(event)
        }
        tick()
        return !state.isFinished
    }

    private func tick() {
        tickClock()
        drainBackground()
        render()
    }

    /// Feeds what background tasks posted to `update`, and runs the effects it asks for.
    private func drainBackground() {
        for msg in effects.tasks.drain() {
            dispatch(msg)
        }
    }

    /// Moves "now" forward when the minute changed, so the clock in the title and "today"
    /// follow real time without an update per second.
    private func tickClock() {
        let now = clock.now()
        if Int(now.timeIntervalSince1970 / 60) != Int(state.now.timeIntervalSince1970 / 60) {
            dispatch(.tick(now))
        }
    }

    private func dispatch(_ msg: Msg) {
        stateChanged = true
        perform(update(&state, msg))
    }

    /// Runs effects and feeds their answers back, breadth first, until nothing is left.
    private func perform(_ initial: [Effect]) {
        var queue = initial
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            for answer in effects.run(effect) {
                queue += update(&state, answer)
            }
        }
    }

    private func render() {
        guard stateChanged else { return }
        stateChanged = false
        drawnFrames += 1
        var screen = Screen(width: max(0, state.width), height: max(0, state.height))
        view(state, into: &screen)
        if screen != lastFrame {
            terminal.present(screen)
            lastFrame = screen
        }
    }
}
