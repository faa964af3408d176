/// A fixed list of choices with relative weights, drawn with a ``SeededGenerator``.
///
/// Demo data should look like a real desk's (mostly routine requests, mostly to a few
/// neighbouring states) while still showing every rare case; weights say how rare.
struct WeightedChoice<Element: Sendable>: Sendable {
    private let elements: [Element]
    private let cumulative: [Double]
    private let total: Double

    /// Entries with a weight of zero or less are dropped; at least one must remain.
    init(_ weighted: [(Element, Double)]) {
        let kept = weighted.filter { $0.1 > 0 }
        precondition(!kept.isEmpty, "a weighted choice needs at least one positive weight")
        var running = 0.0
        var cumulative: [Double] = []
        cumulative.reserveCapacity(kept.count)
        for (_, weight) in kept {
            running += weight
            cumulative.append(running)
        }
        elements = kept.map(\.0)
        self.cumulative = cumulative
        total = running
    }

    func pick(using random: inout SeededGenerator) -> Element {
        let target = random.unit() * total
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return elements[low]
    }
}
