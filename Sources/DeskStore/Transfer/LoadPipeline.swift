import Foundation

/// Runs the pure part of a bulk load — generating or reading requests and preparing them
/// (``PreparedRequest``) — on a thread of its own while the caller writes what is ready.
///
/// SQLite has one writer, but encoding records and hashing their state needs no database: on
/// two cores the two halves overlap. The producer hands over pieces through a short queue, so
/// memory holds a few pieces, not the whole load; it stops when the consumer stops, and its
/// error reaches the consumer in the order it happened.
final class LoadPipeline<Piece: Sendable>: @unchecked Sendable {
    /// Pieces the producer may run ahead of the consumer.
    private let capacity: Int
    private let condition = NSCondition()
    private var queue: [Piece] = []
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false

    private init(capacity: Int) {
        self.capacity = capacity
    }

    /// Starts `produce` on a new thread, handing it `send` (which returns false once the
    /// consumer has stopped, so production should end), and runs `consume` with `next` on the
    /// calling thread. `next` gives pieces in order and `nil` at the end, and throws the
    /// producer's error. Returns after the producer has stopped.
    static func run<Result>(capacity: Int, produce: @escaping @Sendable (_ send: (Piece) -> Bool) throws -> Void,
                            consume: (_ next: () throws -> Piece?) throws -> Result) throws -> Result {
        let pipeline = LoadPipeline(capacity: capacity)
        let thread = Thread {
            do {
                try produce(pipeline.send)
                pipeline.finish(failure: nil)
            } catch {
                pipeline.finish(failure: error)
            }
        }
        thread.start()
        defer { pipeline.stopAndWait() }
        return try consume(pipeline.next)
    }

    /// Makes `make(0)` to `make(count - 1)` in order and hands them to `send` `size` at a time.
    /// When one cannot be made it hands on those before it, then throws, so the consumer meets
    /// the error where the item would have been. Returns false as soon as `send` does (the
    /// consumer stopped).
    static func sendInPieces<Item>(count: Int, of size: Int, send: (Piece) -> Bool,
                                   make: (Int) throws -> Item) throws -> Bool where Piece == [Item] {
        var piece: [Item] = []
        piece.reserveCapacity(size)
        for index in 0..<count {
            do {
                piece.append(try make(index))
            } catch {
                _ = piece.isEmpty || send(piece)
                throw error
            }
            if piece.count == size {
                guard send(piece) else { return false }
                piece.removeAll(keepingCapacity: true)
            }
        }
        return piece.isEmpty || send(piece)
    }

    private func send(_ piece: Piece) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= capacity && !cancelled {
            condition.wait()
        }
        guard !cancelled else { return false }
        queue.append(piece)
        condition.broadcast()
        return true
    }

    private func finish(failure: (any Error)?) {
        condition.lock()
        self.failure = failure
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    private func next() throws -> Piece? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !finished {
            condition.wait()
        }
        if !queue.isEmpty {
            condition.broadcast()
            return queue.removeFirst()
        }
        if let failure {
            throw failure
        }
        return nil
    }

    /// Tells the producer to stop and waits until it has.
    private func stopAndWait() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while !finished {
            condition.wait()
        }
        queue.removeAll()
        condition.unlock()
    }
}
