import Foundation

/// Remembers, for recent full-text expressions, whether each is broad
/// (``RequestQuerySQL/broadMatches(deskSize:)``).
///
/// A filter keystroke asks for the same words twice (the count, then the page), and the next
/// keystroke often keeps them (a field filter added or changed); counting the matches again each
/// time was a fifth of a keystroke at 100,000 requests. The answer only chooses the page query's
/// plan — both plans return the same rows in the same order — so an answer made stale by later
/// edits costs speed, never correctness.
final class TextBreadthMemo: @unchecked Sendable {
    /// Expressions remembered before the memo starts afresh; a session types far fewer.
    static let capacity = 256

    private let lock = NSLock()
    private var broad: [String: Bool] = [:]

    func isBroad(_ expression: String) -> Bool? {
        lock.withLock { broad[expression] }
    }

    func record(_ expression: String, broad isBroad: Bool) {
        lock.withLock {
            if broad.count >= Self.capacity { broad.removeAll() }
            broad[expression] = isBroad
        }
    }
}
