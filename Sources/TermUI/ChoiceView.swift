/// Draws a ``ChoiceState``: the filter on the top row, the matching options below.
///
/// Markers are text ("[x]", "( )", "(•)") so the selection reads the same in monochrome.
public enum ChoiceView {
    public static func render(_ state: ChoiceState, into screen: inout Screen, rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        screen.fill(rect, role: .normal)
        let (filterRow, list) = rect.splitTop(1)
        let visible = state.visibleOptions
        let prompt = "Filter: "
        let promptWidth = screen.put(prompt, x: filterRow.x, y: filterRow.y, role: .label, maxWidth: filterRow.width)
        let filterWidth = screen.put(
            state.filter, x: filterRow.x + promptWidth, y: filterRow.y, role: .input,
            maxWidth: filterRow.width - promptWidth
        )
        let highlighted = min(max(0, state.highlighted), max(0, visible.count - 1))
        let top = max(0, highlighted - (list.height - 1))
        if visible.count > list.height {
            let indicator = ScrollIndicator.text(offset: top, visible: list.height, total: visible.count)
            let width = DisplayWidth.of(indicator)
            if promptWidth + filterWidth + 1 + width <= filterRow.width {
                screen.put(indicator, x: filterRow.maxX - width, y: filterRow.y, role: .dim)
            }
        }
        if focused {
            screen.cursor = Point(x: min(filterRow.x + promptWidth + filterWidth, filterRow.maxX - 1), y: filterRow.y)
        }
        guard !list.isEmpty else { return }
        if visible.isEmpty {
            screen.put("no match for “\(state.filter)”", x: list.x, y: list.y, role: .dim, maxWidth: list.width)
            return
        }
        let selected = Set(state.selected)
        for (row, index) in (top..<min(visible.count, top + list.height)).enumerated() {
            let option = visible[index]
            let isOn = selected.contains(option.id)
            let marker = state.isMulti ? (isOn ? "[x] " : "[ ] ") : (isOn ? "(•) " : "( ) ")
            let role: StyleRole = index == highlighted ? .selected : .normal
            let y = list.y + row
            screen.fill(Rect(x: list.x, y: y, width: list.width, height: 1), role: role)
            let used = screen.put(marker, x: list.x, y: y, role: role, maxWidth: list.width)
            screen.put(
                DisplayWidth.truncate(Sanitiser.visible(option.label), to: list.width - used),
                x: list.x + used, y: y, role: role, maxWidth: list.width - used
            )
        }
    }
}
