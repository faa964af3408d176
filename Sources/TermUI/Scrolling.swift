/// Keeps a list's scroll offset stable while the selection moves inside the visible window.
///
/// Views that keep the previous offset in their state call this so the list only scrolls when
/// the selection would leave the window, instead of pinning the selection to an edge.
public enum Scrolling {
    public static func offset(keeping index: Int, visible: Int, total: Int, previous: Int) -> Int {
        guard visible > 0, total > 0 else { return 0 }
        let maxOffset = max(0, total - visible)
        var offset = min(max(0, previous), maxOffset)
        let index = min(max(0, index), total - 1)
        if index < offset { offset = index }
        if index >= offset + visible { offset = index - visible + 1 }
        return offset
    }
}
