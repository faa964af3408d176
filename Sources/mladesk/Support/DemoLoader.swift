import DeskCore
import DeskStore
import Foundation

/// Fills an empty desk with generated demo requests in batches, one transaction each, with a
/// progress line; shared by `mladesk demo` and `mladesk --demo`.
enum DemoLoader {
    static let batchSize = 5_000

    static func fill(_ store: DeskStore, reference: ReferenceData, count: Int, seed: UInt64, now: Date) throws {
        if try store.count(RequestQuery()) > 0 {
            throw CommandFailure("\(store.path) already holds requests; demo data goes into an empty desk (choose another --db).")
        }
        let generator = DemoGenerator(seed: seed, reference: reference, now: now)
        let progress = ProgressLine(label: "Generating demo requests", total: count)
        try store.insert(batches: Batches(generator: generator, count: count), action: "demo", committed: progress.update)
        progress.finish()
    }

    /// The demo requests in batches, each generated when the loader's preparing thread asks for it.
    private struct Batches: Sequence, IteratorProtocol, Sendable {
        let generator: DemoGenerator
        let count: Int
        var start = 0

        init(generator: DemoGenerator, count: Int) {
            self.generator = generator
            self.count = count
        }

        mutating func next() -> [RequestDetails]? {
            guard start < count else { return nil }
            let range = start..<Swift.min(count, start + batchSize)
            start = range.upperBound
            return range.map(generator.request(at:))
        }
    }

    /// Demo data is written as of the start of today, so runs on the same day give the same desk.
    static var today: Date {
        Calendar(identifier: .gregorian).startOfDay(for: Date())
    }
}
