/// Draws a ``TextFieldState`` on one row, scrolling sideways so the cursor stays visible while
/// it is focused; unfocused, it shows the text from its start, which is what an officer reads.
///
/// Scrolling and the cursor position are measured in display columns, so the cursor sits after
/// the glyph it follows even when CJK or emoji come before it.
public enum TextFieldView {
    public static func render(_ state: TextFieldState, into screen: inout Screen, rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        let role: StyleRole = focused ? .focused : .input
        let line = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
        screen.fill(line, role: role)
        let chars = Array(state.text)
        let cursor = min(max(0, state.cursor), chars.count)
        let widths = chars.map(DisplayWidth.visible)
        var start = 0
        var before = widths[..<cursor].reduce(0, +)
        while focused, before > rect.width - 1, start < cursor {
            before -= widths[start]
            start += 1
        }
        screen.put(String(chars[start...]), x: rect.x, y: rect.y, role: role, maxWidth: rect.width)
        if focused {
            screen.cursor = Point(x: rect.x + before, y: rect.y)
        }
    }
}
