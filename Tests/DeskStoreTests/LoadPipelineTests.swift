import Foundation
import Testing

@testable import DeskStore

/// Bulk loads prepare requests on a second thread (``LoadPipeline``): the writer must see every
/// piece in order, the producer's error where it happened, and a writer that stops must stop
/// the producer rather than leave it blocked.
@Suite("Preparing on a second thread while writing")
struct LoadPipelineTests {
    private struct Refused: Error, Equatable {}

    @Test("Pieces arrive in order, and the producer's error after the pieces it sent before it")
    func orderAndError() throws {
        var received: [Int] = []
        #expect(throws: Refused.self) {
            try LoadPipeline<Int>.run(capacity: 2) { send in
                for number in 0..<100 where !send(number) { return }
                throw Refused()
            } consume: { next in
                while let number = try next() {
                    received.append(number)
                }
            }
        }
        #expect(received == Array(0..<100))
    }

    @Test("A consumer that stops early stops the producer, which is not left waiting")
    func consumerStops() throws {
        let sentAfterStop = LockedCount()
        #expect(throws: Refused.self) {
            try LoadPipeline<Int>.run(capacity: 1) { send in
                for number in 0..<1_000_000 where !send(number) {
                    sentAfterStop.set(number)
                    return
                }
            } consume: { next in
                _ = try next()
                throw Refused()
            }
        }
        #expect(sentAfterStop.value > 0 && sentAfterStop.value < 10)
    }
}

/// A number the producer thread writes and the test reads after the pipeline has returned.
private final class LockedCount: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = 0
    var value: Int { lock.withLock { stored } }
    func set(_ value: Int) { lock.withLock { stored = value } }
}
