import ArgumentParser
import DeskCore
import DeskStore
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import requests from a JSON archive or a signed package, all or nothing.",
        discussion: """
            Each request of an archive is checked before it is written; one problem refuses the whole file and \
            leaves the desk unchanged (or, when the import would have created it, not there at all). \
            A package (--package DIR) must be signed by a key this desk trusts (`mladesk key list`); every \
            package import and every refusal is recorded in the audit trail.
            """)

    @OptionGroup var options: DeskOptions
    @Argument(help: "The archive written by `mladesk export`.") var file: String?
    @Option(help: ArgumentHelp("Import the exchange package folder written by `mladesk export --package`.", valueName: "dir"))
    var package: String?
    @Option(help: ArgumentHelp("Refuse a package larger than this many MiB in all.", valueName: "mib"))
    var maxPackageMib: Int64 = PackageLimits().maxTotalBytes >> 20
    @Flag(help: "Only say what would be imported; write nothing.") var dryRun = false

    func validate() throws {
        guard (file == nil) != (package == nil) else {
            throw ValidationError("Give either an archive file or --package DIR.")
        }
        guard maxPackageMib > 0 else { throw ValidationError("--max-package-mib must be positive.") }
    }

    func run() throws {
        TerminationCleanup.install()
        if let package {
            try importPackage(package)
        } else if let file {
            try importArchive(file)
        }
    }

    private func importPackage(_ folder: String) throws {
        guard FileManager.default.fileExists(atPath: options.databasePath) else {
            throw CommandFailure("\(options.databasePath) does not exist. A package goes into a desk that trusts its sender: "
                + "create the desk (`mladesk init`), trust the sender's key (`mladesk key trust`), then import.")
        }
        let (store, reference) = try options.openDesk()
        var limits = PackageLimits()
        limits.maxTotalBytes = maxPackageMib << 20
        let staged = try store.stagePackage(at: folder, reference: reference, limits: limits, recordRefusal: !dryRun)
        defer { staged.discard() }
        if dryRun {
            printPreview(staged.preview, applied: false)
            return
        }
        printPreview(try store.importPackage(staged, reference: reference), applied: true)
    }

    /// The package's lines as the desk's import screen shows them, each through the sanitiser.
    private func printPreview(_ preview: PackagePreview, applied: Bool) {
        for line in PackagePreviewText.lines(preview, applied: applied) {
            print(TextOutput.safe(line.text))
        }
    }

    private func importArchive(_ file: String) throws {
        let attributes = try? FileManager.default.attributesOfItem(atPath: file)
        guard let attributes, attributes[.type] as? FileAttributeType == .typeRegular else {
            if attributes?[.type] as? FileAttributeType == .typeDirectory {
                throw CommandFailure("\(file) is a folder, not an archive file; a package folder is imported with --package \(file).")
            }
            throw CommandFailure("\(file) is not a readable file.")
        }
        if let size = attributes[.size] as? Int, size > RequestArchive.maxBytes {
            throw DeskError.importRejected("\(file) is larger than \(RequestArchive.maxBytes >> 20) MiB")
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandFailure("\(file) cannot be read.")
        }
        let archive = try ArchiveInput(data)
        let summary = try options.withDeskOrNew(keepNew: !dryRun) { store, reference in
            try store.importArchive(archive, reference: reference, dryRun: dryRun)
        }
        let verb = dryRun ? "Would import" : "Imported"
        print("\(verb) \(summary.added.count) request(s); \(summary.unchanged.count) already here unchanged.")
        let shown = dryRun ? summary.added.count : 20
        for added in summary.added.prefix(shown) {
            print("  + \(added)")
        }
        if summary.added.count > shown {
            print("  … and \(summary.added.count - shown) more (`--dry-run` lists them all)")
        }
    }
}
