import ArgumentParser
import DeskStore
import Foundation

/// `mladesk-bench`: the desk's benchmark. Each subcommand measures in-process and prints
/// result lines (see ``Figure``); `scripts/bench.sh` runs them beside the baselines and ends
/// with `report`.
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mladesk-bench",
        abstract: "Measure the desk: opening, filtering, requests, transfers, hashing, memory.",
        discussion: "Full run: scripts/bench.sh. Results are lines of: figure size unit median min max p99 samples.",
        subcommands: [DeskCommand.self, ScrollCommand.self, ImportCommand.self, ExportCommand.self, HashCommand.self,
                      StatsCommand.self, ReportCommand.self, SmokeCommand.self])

    /// The desk's SQLite settings first, as `mladesk` applies them, so that figures are the desk's.
    static func main() {
        DeskStore.applySQLiteSettings()
        main(nil)
    }
}

/// Options shared by the commands that open a desk.
struct DeskBenchOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The reference data folder (default: MLADESK_DATA, or Data/ beside the program or package).",
                               valueName: "dir"))
    var data: String?

    @Option(help: "How many times each figure is taken.") var rounds = 30

    var dataDirectory: URL {
        get throws {
            let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
                ?? CommandLine.arguments[0]
            return try DataDirectory.locate(explicit: data, environment: ProcessInfo.processInfo.environment,
                                            executablePath: executable,
                                            workingDirectory: FileManager.default.currentDirectoryPath)
        }
    }
}

func emit(_ figures: [Figure]) {
    for figure in figures { print(figure.line) }
}

struct DeskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "desk", abstract: "Open, filter keystrokes, open a request, save an edit.")
    @OptionGroup var options: DeskBenchOptions
    @Option(help: "The desk file (a copy: edits are saved to it).") var db: String
    @Option(help: "Requests in the desk.") var size: Int

    func run() throws {
        emit(try DeskFigures(path: db, dataDirectory: try options.dataDirectory, size: size, rounds: options.rounds).all())
    }
}

struct ScrollCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scroll", abstract: "Scroll the whole list end to end, then report the peak resident size.")
    @OptionGroup var options: DeskBenchOptions
    @Option(help: "The desk file.") var db: String
    @Option(help: "Requests in the desk.") var size: Int

    func run() throws {
        emit(try ScrollFigures(path: db, dataDirectory: try options.dataDirectory, size: size).measure())
    }
}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a JSON archive into a new desk per round.")
    @OptionGroup var options: DeskBenchOptions
    @Option(help: "The archive written by `mladesk export`.") var archive: String
    @Option(help: "A scratch folder for the new desks.") var work: String

    func run() throws {
        let figures = TransferFigures(dataDirectory: try options.dataDirectory, workFolder: URL(fileURLWithPath: work),
                                      rounds: options.rounds)
        emit([try figures.importArchive(archive)])
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export requests as a signed package, a new folder per round.")
    @OptionGroup var options: DeskBenchOptions
    @Option(help: "The desk file (a copy: each export is audited in it).") var db: String
    @Option(help: "How many requests go into the package.") var count = 1_000
    @Option(help: "A scratch folder for the packages.") var work: String

    func run() throws {
        let figures = TransferFigures(dataDirectory: try options.dataDirectory, workFolder: URL(fileURLWithPath: work),
                                      rounds: options.rounds)
        emit([try figures.exportPackage(deskPath: db, count: count)])
    }
}

struct HashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hash", abstract: "SHA-256 throughput on one file.")
    @Option(help: "The file to hash.") var file: String
    @Option(help: "How many times.") var rounds = 3

    func run() throws {
        emit([try HashFigures(path: file, rounds: rounds).measure()])
    }
}

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Summarise numbers read from standard input (one per line) as a result line.")
    @Option(help: "The figure's name.") var figure: String
    @Option(help: "Requests in the desk it was taken on (0: none).") var size = 0
    @Option(help: "The unit of the numbers.") var unit = "ms"

    func run() throws {
        var samples = Samples()
        while let line = readLine() {
            if let value = Double(line.trimmingCharacters(in: .whitespaces)) { samples.append(value) }
        }
        guard samples.count > 0 else { throw ValidationError("no numbers on standard input for \(figure)") }
        emit([Figure(name: figure, size: size, unit: unit, samples: samples)])
    }
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Print PASS/FAIL per target and write the results as Markdown tables.")
    @Option(help: "The results file.") var results: String
    @Option(help: "The desk size the targets apply to.") var size = 100_000
    @Option(help: "Where to write the Markdown tables.") var out: String?

    func run() throws {
        let report = Report(results: try Results(contentsOf: results), size: size)
        for target in report.targets {
            print("\(target.verdict)  \(target.name): \(target.measured) (\(target.limit))")
        }
        if let out {
            try Data(report.markdown.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        }
    }
}
