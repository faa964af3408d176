/// A single-line frame around a region, with an optional title in its top edge.
public enum BoxView {
    /// Draws ┌─┐│└┘ in role `.border` and the title (role `.title`) in the top edge; a rectangle
    /// smaller than 2×2 draws nothing.
    public static func draw(_ rect: Rect, title: String?, into screen: inout Screen) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let inner = rect.width - 2
        let horizontal = String(repeating: "─", count: inner)
        screen.put("┌" + horizontal + "┐", x: rect.x, y: rect.y, role: .border)
        screen.put("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, role: .border)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            screen.put("│", x: rect.x, y: y, role: .border)
            screen.put("│", x: rect.maxX - 1, y: y, role: .border)
        }
        if let title, !title.isEmpty, inner >= 5 {
            let text = " " + DisplayWidth.truncate(Sanitiser.visible(title), to: inner - 4) + " "
            screen.put(text, x: rect.x + 2, y: rect.y, role: .title, maxWidth: inner - 1)
        }
    }
}
