import ArgumentParser
import DeskCore
import DeskStore
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write requests with everything attached as JSON.",
        discussion: "Writes all requests when no reference is given. The format is described in docs/format.md.")

    @OptionGroup var options: DeskOptions
    @Argument(help: "References to export (default: all).") var references: [RequestReference] = []
    @Option(help: "json (the canonical archive).") var format: ExportFormat = .json
    @Option(help: "Write to this file instead of standard output (written whole or not at all).") var out: String?

    enum ExportFormat: String, ExpressibleByArgument { case json }

    func run() throws {
        let (store, _) = try options.openDesk()
        let archive = try store.archive(references: references.isEmpty ? nil : references)
        let data = try archive.encoded()
        if let out {
            try SafeFileWriter.write(data, to: out)
            FileHandle.standardError.write(Data("Exported \(archive.requests.count) request(s) to \(out).\n".utf8))
        } else {
            FileHandle.standardOutput.write(data)
            FileHandle.standardOutput.write(Data("\n".utf8))
        }
    }
}
