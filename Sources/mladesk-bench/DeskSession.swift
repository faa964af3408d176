import DeskApp
import DeskCore
import DeskStore
import Foundation
import TermUI

/// One desk opened the way `mladesk` opens it — reference data, case file, run loop — but with a
/// ``HeadlessTerminal`` in place of ncurses, so every key goes through update, the store and a
/// full render into a `Screen` exactly as on a terminal, minus the tty write.
final class DeskSession {
    static let width = 200
    static let height = 50

    let store: DeskStore
    let terminal: HeadlessTerminal
    let runner: DeskRunner

    /// Loads the reference data, opens the desk file and paints the first screen.
    init(path: String, dataDirectory: URL) throws {
        let reference = try DataDirectory.loadReferenceData(from: dataDirectory)
        store = try DeskStore.open(path: path, officer: "Benchmark", createIfMissing: false, reference: reference)
        terminal = HeadlessTerminal(width: Self.width, height: Self.height)
        runner = try DeskRunner(terminal: terminal, store: store, reference: reference)
        runner.start()
    }

    var state: AppState { runner.state }

    /// Presses keys and lets the loop handle them (and every store answer) before returning.
    func press(_ events: KeyEvent...) {
        terminal.enqueue(events)
        runner.processPending()
    }

    func type(_ text: String) {
        terminal.enqueue(text.map { KeyEvent.char($0) })
        runner.processPending()
    }

    /// The text of the last painted frame, for checks that the benchmark measured a real screen.
    var screenText: String {
        terminal.lastScreen?.lines().joined(separator: "\n") ?? ""
    }

    func close() throws {
        try store.close()
    }
}

/// A benchmark that measured something other than what it claims stops here with a reason.
struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
