import Foundation

/// The ids of one demo request and its evidence, in the order they are made: version-7 UUIDs
/// (RFC 9562) whose time is the demo's `now` plus one millisecond per request, whose counter
/// counts the request's records, and whose other bits come from the request's random stream.
///
/// Ids that rise in the order records are written land at the end of every index keyed on them
/// (the request's id keys its checklist, history, evidence and audit rows), so loading a large
/// demo fills each index page once instead of touching pages all over a file larger than the
/// page cache. Random ids made the 100,000-request demo slower per request than the 10,000 one.
struct DemoIDs {
    private let milliseconds: UInt64
    private var counter: UInt64 = 0

    init(request index: Int, now: Int64) {
        milliseconds = UInt64(truncatingIfNeeded: now) &* 1_000 &+ UInt64(truncatingIfNeeded: index)
    }

    /// The next id: later than every id this request made before (up to 4,096 of them).
    mutating func next(using random: inout SeededGenerator) -> UUID {
        let counter = min(self.counter, 0xFFF)
        self.counter += 1
        let low = random.next()
        func byte(_ word: UInt64, _ shift: UInt64) -> UInt8 { UInt8(truncatingIfNeeded: word >> shift) }
        return UUID(uuid: (
            byte(milliseconds, 40), byte(milliseconds, 32), byte(milliseconds, 24), byte(milliseconds, 16),
            byte(milliseconds, 8), byte(milliseconds, 0),
            0x70 | byte(counter, 8) & 0x0F, byte(counter, 0),
            0x80 | byte(low, 56) & 0x3F, byte(low, 48), byte(low, 40), byte(low, 32), byte(low, 24), byte(low, 16),
            byte(low, 8), byte(low, 0)))
    }
}
