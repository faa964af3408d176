import Foundation

/// The Evidence tab of a request: which exchange or item is selected (by id, so a reload keeps
/// it) and the first row on screen.
public struct EvidenceTabState: Equatable, Sendable {
    public var selected: UUID?
    public var scroll = 0

    public init() {}
}
