import ArgumentParser
import DeskCore
import DeskStore
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write requests as JSON, CASE/UCO JSON-LD, or a signed exchange package.",
        discussion: """
            Writes all requests when no reference is given (JSON and CASE). The JSON format is described in \
            docs/format.md of the source, packages in docs/packages.md. --package DIR writes a signed package folder for another \
            desk; DIR must not exist yet and appears only once complete.
            """)

    @OptionGroup var options: DeskOptions
    @Argument(help: "References to export (default: all, except for a package).") var references: [RequestReference] = []
    @Option(help: "json (the canonical archive) or case (CASE/UCO JSON-LD of evidence and custody).") var format: ExportFormat = .json
    @Option(help: "Write to this file instead of standard output (written whole or not at all).") var out: String?
    @Flag(help: ArgumentHelp(OutputFile.replaceHelp)) var replace = false
    @Option(help: ArgumentHelp("Write a signed exchange package folder here.", valueName: "dir")) var package: String?
    @Flag(help: "Put the attached evidence files into the package.") var withFiles = false
    @Option(help: ArgumentHelp("The desk id the package is meant for.", valueName: "desk-id")) var recipient: String?

    enum ExportFormat: String, ExpressibleByArgument { case json, `case` }

    func validate() throws {
        if package == nil && (withFiles || recipient != nil) {
            throw ValidationError("--with-files and --recipient only go with --package.")
        }
        if let recipient, UUID(uuidString: recipient) == nil {
            throw ValidationError("--recipient \(recipient) is not a desk id; the receiving desk's `mladesk key show` prints it (e.g. 0b6c0c36-…).")
        }
        if package != nil && (out != nil || format != .json) {
            throw ValidationError("--package writes a folder; it does not take --out or --format.")
        }
        if replace && out == nil {
            throw ValidationError("--replace goes with --out.")
        }
        if package != nil && references.isEmpty {
            throw ValidationError("Name the requests to put in the package.")
        }
    }

    func run() throws {
        if let out { try OutputFile.refuseExisting(out, replace: replace) }
        let (store, _) = try options.openDesk()
        if let package {
            let summary = try store.exportPackage(references: references, to: package, withFiles: withFiles,
                                                  recipient: recipient)
            print("Wrote package \(summary.packageID.uuidString.lowercased()) (sequence \(summary.sequence), key \(summary.keyID)) to \(package):")
            print("  \(summary.requests.count) request(s), \(summary.files) evidence file(s), \(summary.bytes) bytes.")
            return
        }
        var data: Data
        let count: Int
        switch format {
        case .json:
            let archive = try store.archive(references: references.isEmpty ? nil : references)
            data = try archive.encoded()
            count = archive.requests.count
        case .case:
            data = try store.caseExport(references: references)
            count = references.isEmpty ? try store.count(RequestQuery()) : references.count
        }
        data = Data(TextOutput.escapingTerminalControls(String(decoding: data, as: UTF8.self)).utf8)
        if let out {
            try store.writeOutputFile(data, to: out, replacing: replace)
            FileHandle.standardError.write(Data("Exported \(count) request(s) to \(out).\n".utf8))
        } else {
            FileHandle.standardOutput.write(data)
            FileHandle.standardOutput.write(Data("\n".utf8))
        }
    }
}
