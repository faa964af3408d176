import DeskCore
import DeskStore
import Foundation

/// Moving requests in and out: importing a JSON archive into a fresh desk (read, decode,
/// validate, insert) and exporting requests as a signed exchange package.
struct TransferFigures {
    let dataDirectory: URL
    /// A scratch folder for the desks and packages each round writes.
    let workFolder: URL
    let rounds: Int

    /// `mladesk import FILE` into a desk that does not exist yet (built aside, as the command
    /// does), each round a new one, each on a settled disk (`sync` first: the previous round's
    /// write-back is not this round's work).
    func importArchive(_ archivePath: String) throws -> Figure {
        let reference = try DataDirectory.loadReferenceData(from: dataDirectory)
        var samples = Samples()
        var imported = 0
        for round in 0..<rounds {
            let desk = workFolder.appendingPathComponent("import-\(round).sqlite").path
            sync()
            samples.append(try milliseconds {
                guard let data = FileManager.default.contents(atPath: archivePath) else {
                    throw BenchFailure("\(archivePath) cannot be read")
                }
                let archive = try ArchiveInput(data)
                imported = try DeskStore.build(path: desk, officer: "Benchmark", reference: reference) { store in
                    try store.importArchive(archive, reference: reference).added.count
                }
            })
        }
        return Figure(name: "import.json", size: imported, unit: "ms", samples: samples)
    }

    /// `mladesk export --package DIR` of the first `count` requests by reference.
    func exportPackage(deskPath: String, count: Int) throws -> Figure {
        let reference = try DataDirectory.loadReferenceData(from: dataDirectory)
        let store = try DeskStore.open(path: deskPath, officer: "Benchmark", createIfMissing: false, reference: reference)
        defer { try? store.close() }
        let references = try store.page(RequestQuery(sort: .reference, descending: false), offset: 0, limit: count)
            .map(\.reference)
        var samples = Samples()
        for round in 0..<rounds {
            let folder = workFolder.appendingPathComponent("package-\(round)").path
            samples.append(try milliseconds {
                let summary = try store.exportPackage(references: references, to: folder, withFiles: false)
                guard summary.requests.count == references.count else {
                    throw BenchFailure("the package holds \(summary.requests.count) of \(references.count) requests")
                }
            })
        }
        return Figure(name: "export.package", size: references.count, unit: "ms", samples: samples)
    }
}
