import DeskCore
import Foundation

/// A clock the test moves by hand, shared by a store and a desk: time passing between keys.
public final class HandClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Date

    public init(_ instant: Date) { self.instant = instant }

    public func now() -> Date { lock.withLock { instant } }

    public func move(by seconds: TimeInterval) { lock.withLock { instant.addTimeInterval(seconds) } }
}
