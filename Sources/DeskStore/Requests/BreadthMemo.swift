import Foundation

/// Remembers, for recent searches, whether each selects a broad part of the desk
/// (``RequestQuerySQL/broadMatches(deskSize:)``): full-text expressions by their text, the
/// conditions a page may walk by ``RequestQuerySQL/selectionKey(from:arguments:)``.
///
/// A filter keystroke asks for the same words twice (the count, then the page), and the next
/// keystroke often keeps them (a field filter added or changed); counting the matches again each
/// time was a fifth of a keystroke at 100,000 requests. Paging down a filtered list asks for the
/// same conditions at every key. The answer only chooses the page query's plan — both plans
/// return the same rows in the same order — so an answer made stale by later edits costs speed,
/// never correctness.
final class BreadthMemo: @unchecked Sendable {
    /// Searches remembered before the memo starts afresh; a session types far fewer.
    static let capacity = 256

    private let lock = NSLock()
    private var broad: [String: Bool] = [:]

    func isBroad(_ search: String) -> Bool? {
        lock.withLock { broad[search] }
    }

    func record(_ search: String, broad isBroad: Bool) {
        lock.withLock {
            if broad.count >= Self.capacity { broad.removeAll() }
            broad[search] = isBroad
        }
    }
}
