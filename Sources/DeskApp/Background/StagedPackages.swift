import DeskStore
import Foundation

/// The packages staged for the import screen, each under an id that state, messages and
/// effects carry instead of the staged copy itself, so ``update(_:_:)`` stays pure and every
/// staged copy has one owner that removes it.
///
/// Once ``close()`` ran (the desk quit) nothing is kept: a package whose check finishes later
/// is refused, and the check that made it discards it, so no staged copy outlives the desk.
/// A package has one owner at a time: the check until ``add(_:)`` keeps it, then this store
/// until ``take(_:)`` hands it over.
public final class StagedPackages: @unchecked Sendable {
    private let lock = NSLock()
    private var packages: [UUID: StagedPackage] = [:]
    private var isClosed = false

    public init() {}

    /// Keeps `package` and returns its id; nil once closed, and the caller still owns the package.
    public func add(_ package: StagedPackage) -> UUID? {
        let id = UUID()
        return lock.withLock {
            guard !isClosed else { return nil }
            packages[id] = package
            return id
        }
    }

    /// Hands the package over to the caller, who then discards it; nil when unknown.
    public func take(_ id: UUID) -> StagedPackage? {
        lock.withLock { packages.removeValue(forKey: id) }
    }

    public func discard(_ id: UUID) {
        take(id)?.discard()
    }

    /// How many staged copies are kept.
    public var count: Int { lock.withLock { packages.count } }

    /// Discards every package kept; from now on ``add`` refuses, and whoever holds a package
    /// it refused discards it.
    public func close() {
        let all = lock.withLock { () -> [StagedPackage] in
            isClosed = true
            defer { packages.removeAll() }
            return Array(packages.values)
        }
        all.forEach { $0.discard() }
    }
}
