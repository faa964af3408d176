import ArgumentParser
import DeskCore
import DeskStore
import Foundation

/// The options every command shares: which desk, who is working, where the reference data is.
struct DeskOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The desk file (default: MLADESK_DB or ~/.local/share/mladesk/desk.sqlite).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Who is recorded in the audit trail (default: MLADESK_OFFICER or the login name).", valueName: "name"))
    var officer: String?

    @Option(name: .long, help: ArgumentHelp("The reference data folder (default: MLADESK_DATA, or Data/ beside the program).", valueName: "dir"))
    var data: String?

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    func validate() throws {
        if db?.isEmpty == true {
            throw ValidationError("--db needs a path; without it the desk is MLADESK_DB or ~/.local/share/mladesk/desk.sqlite")
        }
        if let data, data.isEmpty {
            throw ValidationError("--data needs a folder; without it the reference data is MLADESK_DATA or Data/ beside the program")
        }
        if let officer, officer.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("--officer needs a name: it is who the audit trail records")
        }
        let source = officer != nil ? "--officer" : environment["MLADESK_OFFICER"].map { _ in "MLADESK_OFFICER" }
        if let source {
            let name = officerName
            if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                throw ValidationError("\(source) must be one line of text, without control characters: it is who the audit trail records")
            }
            if name.count > RequestValidator.maxLineLength {
                throw ValidationError("\(source) is longer than \(RequestValidator.maxLineLength) characters: it is who the audit trail records")
            }
        }
    }

    var databasePath: String {
        if let db { return db }
        if let path = environment["MLADESK_DB"], !path.isEmpty { return path }
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (homeFolder as NSString).appendingPathComponent(".local/share")
        return (base as NSString).appendingPathComponent("mladesk/desk.sqlite")
    }

    var homeFolder: String { HomeFolder.path(environment) }

    var officerName: String {
        if let officer, !officer.trimmingCharacters(in: .whitespaces).isEmpty { return officer }
        if let name = environment["MLADESK_OFFICER"], !name.isEmpty { return name }
        if let name = environment["USER"], !name.isEmpty { return name }
        return ProcessInfo.processInfo.userName
    }

    /// Opens the desk with the reference data, so checklists follow the templates, status
    /// changes are gated and due dates come from the deadline rules: every command sees the
    /// same rules as the full-screen desk.
    func openDesk(createIfMissing: Bool = false) throws -> (store: DeskStore, reference: ReferenceData) {
        let reference = try loadReference()
        let store = try DeskStore.open(path: databasePath, officer: officerName, createIfMissing: createIfMissing,
                                       reference: reference) { from, to in
            let notice = "Upgrading \(databasePath) from desk format \(from) to \(to): once, and up to a minute on a large desk…"
            FileHandle.standardError.write(Data((TextOutput.safe(notice) + "\n").utf8))
        }
        return (store, reference)
    }

    /// Runs `body` on the desk at ``databasePath`` when the file exists, or else on a new desk
    /// built aside (``DeskStore/build(path:officer:clock:reference:keep:_:)``) that gets the
    /// name only once `body` has succeeded and `keepNew` is true. Bulk loads (demo data, an
    /// archive) go through it, so a new desk appears full or not at all.
    func withDeskOrNew<T>(keepNew: Bool = true, _ body: (DeskStore, ReferenceData) throws -> T) throws -> T {
        if FileManager.default.fileExists(atPath: databasePath) {
            let (store, reference) = try openDesk()
            defer { try? store.close() }
            return try body(store, reference)
        }
        let reference = try loadReference()
        return try DeskStore.build(path: databasePath, officer: officerName, reference: reference, keep: keepNew) { store in
            try body(store, reference)
        }
    }

    func loadReference() throws -> ReferenceData {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let folder = try DataDirectory.locate(
            explicit: data, environment: environment, executablePath: executable,
            workingDirectory: FileManager.default.currentDirectoryPath)
        return try DataDirectory.loadReferenceData(from: folder)
    }
}
