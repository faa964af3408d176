/// The bottom row that names the keys of the current scope, generated from its ``KeyMap``.
public enum KeyBarView {
    /// Draws "key label" pairs separated by two spaces on row `y`; the first item that does not
    /// fit and everything after it are dropped, so order items by importance.
    public static func render(_ items: [(key: String, label: String)], into screen: inout Screen, y: Int) {
        let row = Rect(x: 0, y: y, width: screen.width, height: 1)
        screen.fill(row, role: .keyHint)
        var x = 0
        for item in items {
            let key = Sanitiser.visible(item.key)
            let label = Sanitiser.visible(item.label)
            let width = DisplayWidth.of(key) + 1 + DisplayWidth.of(label)
            let gap = x == 0 ? 0 : 2
            guard x + gap + width <= screen.width else { break }
            x += gap
            x += screen.put(key, x: x, y: y, role: .keyName)
            x += screen.put(" " + label, x: x, y: y, role: .keyHint)
        }
    }
}
