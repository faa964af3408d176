import Foundation

/// The source of "now". Deadlines, audit times and demo data take a clock instead of calling
/// `Date()`, so tests can pin today and jump it.
public protocol Clock: Sendable {
    func now() -> Date
}

/// The machine's clock.
public struct SystemClock: Clock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that says whatever it was set to; for tests and reproducible demo data.
public struct FixedClock: Clock {
    public var instant: Date
    public init(_ instant: Date) { self.instant = instant }
    public func now() -> Date { instant }
}
