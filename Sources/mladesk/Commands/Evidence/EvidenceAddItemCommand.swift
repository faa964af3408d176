import ArgumentParser
import DeskCore
import DeskStore
import Foundation

struct EvidenceAddItemCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-item", abstract: "Add an item to an exchange, hashing its file when given.",
        discussion: """
            With --file the file is hashed (SHA-256, plus MD5/SHA-1 when declared) and compared with \
            the declared hashes; a folder becomes one item per regular file. Exit 1 when a declared \
            hash does not match (the item is recorded, with both values).
            """)

    @OptionGroup var options: DeskOptions
    @Argument(help: "The request's reference.") var reference: RequestReference
    @Argument(help: "The exchange id (or a unique prefix).") var exchange: String
    @Option(help: "What the item is.") var description: String
    @Option(help: "\(EvidenceItem.Category.allCases.map(\.rawValue).joined(separator: ", ")).") var category: EvidenceItem.Category
    @Option(help: "A file or folder to hash and attach.") var file: String?
    @Option(help: "The file name the counterpart gave (display only).") var originalName = ""
    @Option(parsing: .unconditional, help: "Size in bytes, when no file is attached.") var size: Int64?
    @Option(help: "SHA-256 the counterpart declared.") var declaredSha256: String?
    @Option(help: "SHA-1 the counterpart declared.") var declaredSha1: String?
    @Option(help: "MD5 the counterpart declared.") var declaredMd5: String?

    func validate() throws {
        if size != nil, file != nil {
            throw ValidationError("--size is measured from the file; give it only for an item recorded without one.")
        }
    }

    func run() throws {
        let store = try options.openDesk().store
        let details = try store.requireDetails(reference)
        let exchange = try EvidenceLookup.exchange(exchange, in: details)
        let declared = [(HashDigest.Algorithm.sha256, declaredSha256), (.sha1, declaredSha1), (.md5, declaredMd5)]
            .compactMap { algorithm, value in value.map { HashDigest(algorithm: algorithm, value: $0) } }
        let template = EvidenceItem(exchangeID: exchange.id, description: description, category: category,
                                    originalFileName: originalName, size: size, declaredHashes: declared)
        guard let file else {
            let item = try store.addItem(template)
            let ids = details.evidenceIDs + [item.id]
            print("\(reference): item \(EvidenceID.short(item.id, among: ids)) added to exchange \(EvidenceID.short(exchange.id, among: ids)).")
            return
        }
        let progress = HashProgressLine()
        let result: HashedEvidence
        do {
            result = try store.addItems(template, hashing: RawArguments.path(file), progress: progress.update)
            progress.finish()
        } catch let error as HashingError {
            progress.finish()
            throw CommandFailure("\(TextOutput.safe(error.description)); nothing was recorded.")
        }
        for skipped in result.skipped {
            FileHandle.standardError.write(Data("mladesk: \(TextOutput.safe(skipped.path.display)): skipped, \(skipped.reason)\n".utf8))
        }
        let recorded = try store.requireDetails(reference)
        for item in result.items {
            print(EvidenceText.hashed(item, in: recorded))
        }
        let mismatched = result.items.filter { $0.verification == .mismatch }
        if !mismatched.isEmpty {
            throw CommandFailure("recorded, but the declared and computed hashes differ for item(s) "
                + mismatched.map { EvidenceID.short($0.id, among: recorded.evidenceIDs) }.joined(separator: ", ") + ".")
        }
    }
}
