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
        let batches = stride(from: 0, to: count, by: batchSize).lazy.map { start in
            (start..<min(count, start + batchSize)).map(generator.request(at:))
        }
        try store.insert(batches: batches, action: "demo", committed: progress.update)
        progress.finish()
    }

    /// Demo data is written as of the start of today, so runs on the same day give the same desk.
    static var today: Date {
        Calendar(identifier: .gregorian).startOfDay(for: Date())
    }
}
