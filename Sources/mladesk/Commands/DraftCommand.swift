import ArgumentParser
import DeskCore
import DeskStore
import Foundation

struct DraftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft", abstract: "Draft a document (letter, notice, transmittal note) from a request.",
        discussion: """
            Templates are Mustache files in the templates folder of the reference data, listed in \
            templates.json. A template meant for other requests (direction, type, status, legal \
            basis), or one that needs fields the request lacks, is refused (exit 1) unless --force \
            is given; then each missing field appears as [MISSING: field]. With --out the draft is \
            written whole or not at all (0600) and recorded in the request's audit trail (mladesk log).
            """)

    @OptionGroup var options: DeskOptions
    @Argument(help: "The request's reference, e.g. OUT-2026-0042.") var reference: RequestReference
    @Option(help: "The template's name (see --list).") var template: String?
    @Flag(help: "List the templates that fit the request's direction, type and status.") var list = false
    @Option(help: "Write the draft to this file instead of standard output.") var out: String?
    @Flag(help: "Render a template meant for other requests, or with fields missing (shown as [MISSING: field]).") var force = false
    @Flag(help: ArgumentHelp(OutputFile.replaceHelp)) var replace = false

    func validate() throws {
        guard list != (template != nil) else { throw ValidationError("give either --template NAME or --list") }
        if list && (out != nil || force) { throw ValidationError("--out and --force go with --template, not --list") }
        if replace && out == nil { throw ValidationError("--replace goes with --out") }
    }

    func run() throws {
        if let out { try OutputFile.refuseExisting(out, replace: replace) }
        let (store, referenceData) = try options.openDesk()
        let details = try store.requireDetails(reference)
        let folder = TemplateLibrary.folder(inDataFolder: try options.dataFolder())
        let library: TemplateLibrary
        do {
            library = try TemplateLibrary.load(from: folder, reference: referenceData)
        } catch {
            throw CommandFailure("Templates: \(error.description)")
        }
        if list {
            let fitting = library.fitting(details.request)
            if fitting.isEmpty {
                print(TextOutput.safe("No template fits \(reference) (\(details.request.direction.rawValue), \(details.request.status.rawValue))."))
                return
            }
            print(TextOutput.table(header: ["Template", "Format", "Title"],
                                   rows: fitting.map { [$0.name, $0.format.rawValue, $0.title] }, maxColumnWidth: 70))
            return
        }
        guard let name = template, let chosen = library.template(named: name) else {
            throw CommandFailure("No template '\(template ?? "")'; known: \(library.templates.map(\.name).joined(separator: ", ")).")
        }
        if let misfit = chosen.misfit(details.request) {
            guard force else {
                throw CommandFailure(TextOutput.safe("\(chosen.name) does not fit \(reference): \(misfit). "
                    + "`mladesk draft \(reference) --list` names those that do; --force drafts it anyway."))
            }
            note("note: \(chosen.name) does not fit \(reference): \(misfit)")
        }
        let draft = library.draft(chosen, for: details, reference: referenceData, officer: store.officer, now: Date())
        if !draft.isComplete && !force {
            throw CommandFailure(TextOutput.safe(
                "\(reference) lacks what \(chosen.name) needs: \(draft.missing.joined(separator: ", ")). Fill them in, or use --force to draft with [MISSING: …] markers."))
        }
        if let out {
            let contents = Data(draft.text.utf8)
            try store.writeOutputFile(contents, to: out, replacing: replace)
            try store.recordDraft(requestID: details.request.id, template: chosen.name, file: out, contents: contents)
            var message = "Drafted \(chosen.name) for \(reference) to \(out)"
            if !draft.isComplete { message += " with \(draft.missing.count) missing field(s): \(draft.missing.joined(separator: ", "))" }
            FileHandle.standardError.write(Data((TextOutput.safe(message) + ".\n").utf8))
        } else {
            if !draft.isComplete {
                note("missing: \(draft.missing.joined(separator: ", "))")
            }
            var lines = draft.lines
            if lines.last == "" { lines.removeLast() }
            print(lines.map(TextOutput.safe).joined(separator: "\n"))
        }
    }

    private func note(_ message: String) {
        FileHandle.standardError.write(Data(("mladesk: " + TextOutput.safe(message) + "\n").utf8))
    }
}

extension DeskOptions {
    /// The reference data folder, found as ``loadReference()`` finds it; templates live inside.
    func dataFolder() throws -> URL {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return try DataDirectory.locate(
            explicit: data, environment: environment, executablePath: executable,
            workingDirectory: FileManager.default.currentDirectoryPath)
    }
}
