/// Draws a ``TextAreaState`` wrapped to its rectangle, scrolled so the cursor row is visible
/// while it is focused; unfocused, it shows the text's first lines.
public enum TextAreaView {
    public static func render(_ state: TextAreaState, into screen: inout Screen, rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        let role: StyleRole = focused ? .focused : .input
        screen.fill(rect, role: role)
        let lines = state.wrappedLines(width: rect.width)
        let position = state.cursorPosition(width: rect.width)
        let top = focused ? max(0, position.y - (rect.height - 1)) : 0
        for (offset, line) in lines.dropFirst(top).prefix(rect.height).enumerated() {
            screen.put(line, x: rect.x, y: rect.y + offset, role: role, maxWidth: rect.width)
        }
        if focused {
            screen.cursor = Point(x: rect.x + min(position.x, rect.width - 1), y: rect.y + position.y - top)
        }
    }
}
