import ArgumentParser
import DeskCore
import DeskStore
import Foundation

/// Every in-process figure once, on a small generated desk in a temporary folder: proves the
/// benchmark still runs (continuous integration) without measuring anything worth reporting.
struct SmokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "smoke", abstract: "Run every in-process figure on a small generated desk, to check it completes.")
    @OptionGroup var options: DeskBenchOptions
    @Option(help: "Requests in the generated desk.") var count = 1_000

    func run() throws {
        let data = try options.dataDirectory
        let rounds = 1
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mladesk-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        let desk = folder.appendingPathComponent("desk.sqlite").path
        let archive = folder.appendingPathComponent("archive.json").path
        try generate(desk: desk, archive: archive, data: data)
        var figures = try DeskFigures(path: desk, dataDirectory: data, size: count, rounds: rounds).all()
        figures += try ScrollFigures(path: desk, dataDirectory: data, size: count).measure()
        let transfers = TransferFigures(dataDirectory: data, workFolder: folder, rounds: 1)
        figures.append(try transfers.importArchive(archive))
        figures.append(try transfers.exportPackage(deskPath: desk, count: min(count, 100)))
        let blob = folder.appendingPathComponent("blob")
        try Data(repeating: 0x5A, count: 8 << 20).write(to: blob)
        figures.append(try HashFigures(path: blob.path, rounds: 1).measure())
        figures.append(Figure(name: "smoke.cpu", size: count, unit: "s", samples: Samples([Self.processorSeconds()])))
        emit(figures)
    }

    /// Processor time this process used, user and system: what the smoke run costs, whatever
    /// else the machine is doing at the time.
    static func processorSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        return user + system
    }

    /// The same requests `mladesk demo` writes, and their JSON archive.
    private func generate(desk: String, archive: String, data: URL) throws {
        let reference = try DataDirectory.loadReferenceData(from: data)
        let store = try DeskStore.open(path: desk, officer: "Benchmark", reference: reference)
        let generator = DemoGenerator(seed: 1, reference: reference, now: Date())
        try store.insert((0..<count).map(generator.request(at:)), action: "demo")
        try store.archive(references: nil).encoded().write(to: URL(fileURLWithPath: archive))
        try store.close()
    }
}
