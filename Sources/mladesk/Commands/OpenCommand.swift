import ArgumentParser
import DeskApp
import DeskCore
import DeskStore
import Foundation
import TermNcurses
import TermUI

struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Open the full-screen desk (what `mladesk` does with no subcommand).",
        discussion: """
            Creates the desk file if it is missing. With --demo, opens a separate demo desk \
            (MLADESK_DB or --db if given, else demo.sqlite beside the default desk), filled with \
            demo requests the first time. Keys can be remapped in $XDG_CONFIG_HOME/mladesk/keys \
            (~/.config/mladesk/keys): one `action.name = key, key` per line; press ? in the desk for the action names.
            """)

    @OptionGroup var options: DeskOptions
    @Flag(help: "Open a desk filled with demo data.") var demo = false
    @Option(help: "How many demo requests a new demo desk gets.") var demoCount = 2_000
    @Option(help: ArgumentHelp("A keys file remapping the desk's keys.", valueName: "path")) var keys: String?

    func run() throws {
        // A signal while the desk opens (or a demo desk fills) ends it as one during its work
        // does: the desk is closed first.
        NcursesTerminal.noteEndingSignals()
        var deskOptions = options
        if demo && options.db == nil && (options.environment["MLADESK_DB"] ?? "").isEmpty {
            deskOptions.db = ((options.databasePath as NSString).deletingLastPathComponent as NSString)
                .appendingPathComponent("demo.sqlite")
        }
        let (store, reference) = try deskOptions.openDesk(createIfMissing: true)
        // Background work (the opening check) may still hold the store when the officer quits;
        // closing it stops that work and folds the log into the desk file (DeskStore.close).
        defer { try? store.close() }
        if demo, try store.count(RequestQuery()) == 0 {
            try DemoLoader.fill(store, reference: reference, count: demoCount, seed: 1, now: DemoLoader.today)
        }
        let keymap = try keysFileText()
        if let keymap {
            do {
                _ = try KeyBindings.standard.remapped(with: keymap)
            } catch {
                throw CommandFailure("Keys file \(keysFilePath): \(error)")
            }
        }
        let templateFolder = TemplateLibrary.folder(inDataFolder: try deskOptions.dataFolder())
        let templates: TemplateLibrary
        do {
            templates = try TemplateLibrary.load(from: templateFolder, reference: reference)
        } catch {
            throw CommandFailure("Templates: \(error.description)")
        }
        let ending = try NcursesTerminal.withTerminal { terminal in
            let runner = try DeskRunner(terminal: terminal, store: store, reference: reference, keymapText: keymap,
                                        templates: templates)
            runner.run()
            return runner.endingSignal
        }
        if let ending {
            // Ended by a signal: the terminal is restored and the case file closed (its log folded
            // into it), then the command ends with that signal, so its status still says which.
            try? store.close()
            signal(ending, SIG_DFL)
            raise(ending)
            _exit(128 + ending)
        }
        if let problem = store.foldLogProblem() {
            FileHandle.standardError.write(Data((TextOutput.safe(problem) + "\n").utf8))
        }
    }

    private var keysFilePath: String {
        if let keys { return keys }
        let environment = options.environment
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (options.homeFolder as NSString).appendingPathComponent(".config")
        return (base as NSString).appendingPathComponent("mladesk/keys")
    }

    private func keysFileText() throws -> String? {
        let path = keysFilePath
        guard FileManager.default.fileExists(atPath: path) else {
            if keys != nil { throw CommandFailure("The keys file \(path) does not exist.") }
            return nil
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CommandFailure("The keys file \(path) cannot be read as UTF-8 text.")
        }
        return text
    }
}
