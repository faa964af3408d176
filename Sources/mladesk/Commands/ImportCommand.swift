import ArgumentParser
import DeskCore
import DeskStore
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import requests from a JSON archive, all or nothing.",
        discussion: "Everything is validated first; one problem refuses the whole file and the desk is left unchanged.")

    @OptionGroup var options: DeskOptions
    @Argument(help: "The archive written by `mladesk export`.") var file: String
    @Flag(help: "Only say what would be imported.") var dryRun = false

    func run() throws {
        let reference = try options.loadReference()
        let attributes = try? FileManager.default.attributesOfItem(atPath: file)
        guard let attributes, attributes[.type] as? FileAttributeType == .typeRegular else {
            throw CommandFailure("\(file) is not a readable file.")
        }
        if let size = attributes[.size] as? Int, size > RequestArchive.maxBytes {
            throw DeskError.importRejected("\(file) is larger than \(RequestArchive.maxBytes >> 20) MiB")
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandFailure("\(file) cannot be read.")
        }
        let archive = try RequestArchive.decode(data)
        let store = try options.openStore(createIfMissing: true)
        let summary = try store.importArchive(archive, reference: reference, dryRun: dryRun)
        let verb = dryRun ? "Would import" : "Imported"
        print("\(verb) \(summary.added.count) request(s); \(summary.unchanged.count) already here unchanged.")
        for added in summary.added.prefix(dryRun ? Int.max : 20) {
            print("  + \(added)")
        }
    }
}
