import DeskCore
import DeskStore
import Foundation

/// Feeds each input to the archive import exactly as `mladesk import FILE` does: parse, then a
/// dry-run import into a scratch desk with the shipped reference data, which validates every
/// request and plans the writes inside a transaction that is rolled back. Any outcome but a
/// crash, a hang or a sanitizer report is fine: a refusal is the expected answer to junk.
enum ArchiveFuzzer {
    static let desk: (store: DeskStore, reference: ReferenceData) = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        do {
            let reference = try DataDirectory.loadReferenceData(from: root.appendingPathComponent("Data"))
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mladesk-fuzz-\(getpid())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let store = try DeskStore.open(path: folder.appendingPathComponent("desk.sqlite").path, officer: "Fuzzer",
                                           reference: reference)
            return (store, reference)
        } catch {
            fatalError("The scratch desk cannot be opened: \(error)")
        }
    }()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArchiveImport(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    guard let archive = try? RequestArchive.decode(bytes) else { return 0 }
    _ = try? ArchiveFuzzer.desk.store.importArchive(archive, reference: ArchiveFuzzer.desk.reference, dryRun: true)
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// SwiftPM links an executable target's entry point under the module's name; hand control to
/// libFuzzer's driver from there.
@_cdecl("ArchiveFuzzer_main")
public func archiveFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzArchiveImport(data, size) }
}
