/// The bottom row that names the keys of the current scope, generated from its ``KeyMap``.
public enum KeyBarView {
    /// Draws "key label" pairs separated by two spaces on row `y`; the first item that does not
    /// fit and every other one after it are dropped, so order items by importance. The items at
    /// the indexes of `kept` (help, which every page has) are drawn in their place whatever the
    /// width, in the room the others leave: a narrow screen drops a page's own keys before the
    /// way to learn them.
    public static func render(_ items: [(key: String, label: String)], keeping kept: Set<Int> = [], into screen: inout Screen,
                              y: Int) {
        let row = Rect(x: 0, y: y, width: screen.width, height: 1)
        screen.fill(row, role: .keyHint)
        let parts = items.map { (key: Sanitiser.visible($0.key), label: Sanitiser.visible($0.label)) }
        let widths = parts.map { DisplayWidth.of($0.key) + 1 + DisplayWidth.of($0.label) }
        var reserved = kept.filter(parts.indices.contains).reduce(0) { $0 + widths[$1] + 2 }
        var shown: [Int] = []
        var used = 0
        var full = false
        for index in parts.indices {
            let cost = (shown.isEmpty ? 0 : 2) + widths[index]
            if kept.contains(index) {
                reserved -= widths[index] + 2
            } else if full || used + cost + reserved > screen.width {
                full = true
                continue
            }
            guard used + cost <= screen.width else { break }
            used += cost
            shown.append(index)
        }
        var x = 0
        for index in shown {
            if x > 0 { x += 2 }
            x += screen.put(parts[index].key, x: x, y: y, role: .keyName)
            x += screen.put(" " + parts[index].label, x: x, y: y, role: .keyHint)
        }
    }
}
