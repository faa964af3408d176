import ArgumentParser
import DeskCore
import DeskStore
import Foundation

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Fill a new or empty desk with realistic, clearly fictitious requests.",
        discussion: "The same --seed and --as-of always give the same requests. Identifiers come from documentation ranges (192.0.2.0/24, example.com…).")

    @OptionGroup var options: DeskOptions
    @Option(parsing: .unconditional, help: "How many requests.") var count = 500
    @Option(help: "Seed of the generator.") var seed: UInt64 = 1
    @Option(name: .customLong("as-of"), help: "The day the demo data is written as of (YYYY-MM-DD; default today).") var asOf: DayArgument?

    func validate() throws {
        guard (1...1_000_000).contains(count) else { throw ValidationError("--count takes 1 to 1,000,000") }
    }

    func run() throws {
        TerminationCleanup.install()
        try options.withDeskOrNew { store, reference in
            try DemoLoader.fill(store, reference: reference, count: count, seed: seed, now: asOf?.date ?? DemoLoader.today)
        }
        print("Filled \(options.databasePath) with \(count) demo requests (seed \(seed)).")
    }
}
