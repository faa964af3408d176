import DeskCore
import DeskStore
import Foundation

/// Fills an empty desk with generated demo requests in batches, one transaction each, with a
/// progress line; shared by `mladesk demo` and `mladesk --demo`.
enum DemoLoader {
    static let batchSize = 1_000

    static func fill(_ store: DeskStore, reference: ReferenceData, count: Int, seed: UInt64, now: Date) throws {
        if try store.count(RequestQuery()) > 0 {
            throw CommandFailure("\(store.path) already holds requests; demo data goes into an empty desk (choose another --db).")
        }
        let generator = DemoGenerator(seed: seed, reference: reference, now: now)
        let progress = ProgressLine(label: "Generating demo requests", total: count)
        var done = 0
        while done < count {
            let end = min(count, done + batchSize)
            try store.insert((done..<end).map(generator.request(at:)), action: "demo")
            done = end
            progress.update(done)
        }
        progress.finish()
    }

    /// Demo data is written as of the start of today, so runs on the same day give the same desk.
    static var today: Date {
        Calendar(identifier: .gregorian).startOfDay(for: Date())
    }
}
