import ArgumentParser
import DeskCore
import DeskStore
import Foundation

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Fill an empty desk with realistic, clearly fictitious requests.",
        discussion: "The same --seed and --as-of always give the same requests. Identifiers come from documentation ranges (192.0.2.0/24, example.com…).")

    @OptionGroup var options: DeskOptions
    @Option(help: "How many requests.") var count = 500
    @Option(help: "Seed of the generator.") var seed: UInt64 = 1
    @Option(name: .customLong("as-of"), help: "The day the demo data is written as of (YYYY-MM-DD; default today).") var asOf: DayArgument?

    static let batchSize = 1_000

    func validate() throws {
        guard (1...1_000_000).contains(count) else { throw ValidationError("--count takes 1 to 1,000,000") }
    }

    func run() throws {
        let reference = try options.loadReference()
        let store = try options.openStore(createIfMissing: true)
        if try store.count(RequestQuery()) > 0 {
            throw CommandFailure("\(store.path) already holds requests; demo data goes into an empty desk (choose another --db).")
        }
        let now = asOf?.date ?? Calendar(identifier: .gregorian).startOfDay(for: Date())
        let generator = DemoGenerator(seed: seed, reference: reference, now: now)
        let progress = ProgressLine(label: "Generating demo requests", total: count)
        var done = 0
        while done < count {
            let end = min(count, done + Self.batchSize)
            try store.insert((done..<end).map(generator.request(at:)), action: "demo")
            done = end
            progress.update(done)
        }
        progress.finish()
        print("Filled \(store.path) with \(count) demo requests (seed \(seed)).")
    }
}
