import TermUI

/// Where each form field goes: its first row within the form and how many rows it takes
/// (its error's lines included). Update scrolls with it and the view draws with it.
struct FormLayout: Equatable {
    struct Slot: Equatable {
        var top: Int
        /// Rows of the editor itself.
        var height: Int
        /// The field's error, wrapped to the editor's width (at most ``maxErrorLines``).
        var errorLines: [String]
        var bottom: Int { top + height + errorLines.count }
    }

    /// An error says what is wrong and how to write it right; three lines hold the longest.
    static let maxErrorLines = 3

    var slots: [Slot]
    var valueX: Int
    var valueWidth: Int

    init<Form: FormContent>(_ form: Form, layout: DeskLayout) {
        let tall = layout.height >= 36
        valueX = layout.formLabelWidth
        valueWidth = max(1, layout.width - layout.formLabelWidth - 1)
        var top = 0
        var slots: [Slot] = []
        for (index, field) in form.fieldViews.enumerated() {
            let focused = index == form.focus
            var height = 1
            switch field.kind {
            case .text, .date:
                height = 1
            case .area(let rows):
                height = tall ? rows + 2 : rows
            case .choice, .multiChoice:
                if focused, case .choice(let choice) = form.values[index] {
                    height = min(choice.options.count + 1, tall ? 12 : 7)
                }
            }
            let width = valueWidth
            let errorLines = field.error.map { Array(WordWrap.wrap("! " + $0, width: width).prefix(FormLayout.maxErrorLines)) } ?? []
            let slot = Slot(top: top, height: height, errorLines: errorLines)
            slots.append(slot)
            top = slot.bottom
        }
        self.slots = slots
    }

    var totalHeight: Int { slots.last?.bottom ?? 0 }

    /// The scroll offset that keeps the focused field wholly visible, moving as little as possible.
    func scroll(keeping focus: Int, visible: Int, previous: Int) -> Int {
        guard slots.indices.contains(focus), visible > 0 else { return 0 }
        let slot = slots[focus]
        var scroll = previous
        if slot.bottom > scroll + visible { scroll = slot.bottom - visible }
        if slot.top < scroll { scroll = slot.top }
        return max(0, min(scroll, max(0, totalHeight - visible)))
    }
}
