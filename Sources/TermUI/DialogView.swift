/// A framed box centred over whatever is behind it, for confirmations and pickers.
public enum DialogView {
    /// Clears a centred box of the given size (clamped to `area`), frames it with the title and
    /// returns the inner rectangle to draw the content into.
    @discardableResult
    public static func frame(title: String, width: Int, height: Int, in area: Rect, into screen: inout Screen) -> Rect {
        let box = area.centered(width: width, height: height)
        screen.fill(box, role: .normal)
        BoxView.draw(box, title: title, into: &screen)
        return box.inset(by: 1)
    }
}
