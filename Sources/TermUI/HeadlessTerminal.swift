/// A terminal without a tty: events come from a queue, frames are kept for inspection.
///
/// Tests script key presses with ``enqueue(_:)`` and assert on ``lastScreen``; benchmarks count
/// frames with ``presentCount``.
public final class HeadlessTerminal: Terminal {
    public private(set) var size: (width: Int, height: Int)
    public private(set) var lastScreen: Screen?
    public private(set) var presentCount = 0
    public private(set) var isRestored = false
    private var queue: [KeyEvent] = []
    private var head = 0

    public init(width: Int, height: Int) {
        size = (width, height)
    }

    /// Events still waiting to be read.
    public var pendingEvents: [KeyEvent] { Array(queue[head...]) }

    public func enqueue(_ events: [KeyEvent]) {
        queue.append(contentsOf: events)
    }

    /// Changes the size and queues the matching `.resize` event, as a real terminal would.
    public func resize(width: Int, height: Int) {
        size = (width, height)
        queue.append(.resize(width: width, height: height))
    }

    /// Returns the next queued event at once; an empty queue behaves like a timeout.
    public func nextEvent(timeoutMilliseconds: Int) -> KeyEvent? {
        guard head < queue.count else { return nil }
        let event = queue[head]
        head += 1
        if head == queue.count {
            queue.removeAll(keepingCapacity: true)
            head = 0
        }
        return event
    }

    public func present(_ screen: Screen) {
        lastScreen = screen
        presentCount += 1
    }

    public func restore() {
        isRestored = true
    }
}
