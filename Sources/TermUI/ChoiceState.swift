/// Picking one or several entries of reference data by typing part of their id or label.
///
/// Typing filters (case- and accent-insensitive), arrows move the highlight, Space toggles an
/// entry in multi mode and selects it in single mode, Enter selects in single mode. Selected ids
/// are kept in option order so saved values do not depend on the order of clicks.
public struct ChoiceState: Equatable, Sendable {
    public var options: [ChoiceOption] {
        didSet { folded = Self.fold(options) }
    }
    public var isMulti: Bool
    /// Selected ids, in option order.
    public var selected: [String]
    public var filter: String
    /// Index into ``visibleOptions``.
    public var highlighted: Int
    /// How far PgUp and PgDn move the highlight.
    public var pageSize = 10
    private var folded: [(id: String, label: String)]

    public init(options: [ChoiceOption], selected: [String] = [], isMulti: Bool = false) {
        self.options = options
        self.isMulti = isMulti
        self.selected = options.map(\.id).filter(selected.contains)
        filter = ""
        highlighted = 0
        folded = Self.fold(options)
    }

    public static func == (lhs: ChoiceState, rhs: ChoiceState) -> Bool {
        lhs.options == rhs.options && lhs.isMulti == rhs.isMulti && lhs.selected == rhs.selected
            && lhs.filter == rhs.filter && lhs.highlighted == rhs.highlighted && lhs.pageSize == rhs.pageSize
    }

    private static func fold(_ options: [ChoiceOption]) -> [(id: String, label: String)] {
        options.map { (TextFolding.fold($0.id), TextFolding.fold($0.label)) }
    }

    /// Options whose id or label contains the filter: an exact id match first, then those whose
    /// id, label or a word of the label starts with the filter, then the rest, each in option order.
    public var visibleOptions: [ChoiceOption] {
        visibleIndices.map { options[$0] }
    }

    private var visibleIndices: [Int] {
        let needle = TextFolding.fold(filter.trimmingSpaces)
        guard !needle.isEmpty else { return Array(options.indices) }
        var exact: [Int] = []
        var prefix: [Int] = []
        var inside: [Int] = []
        for (i, key) in folded.enumerated() {
            if key.id == needle {
                exact.append(i)
            } else if key.id.hasPrefix(needle) || key.label.split(separator: " ").contains(where: { $0.hasPrefix(needle) }) {
                prefix.append(i)
            } else if key.id.contains(needle) || key.label.contains(needle) {
                inside.append(i)
            }
        }
        return exact + prefix + inside
    }

    /// The selected options, in option order.
    public var selectedOptions: [ChoiceOption] {
        options.filter { selected.contains($0.id) }
    }

    public mutating func handle(_ event: KeyEvent) -> Bool {
        let count = visibleIndices.count
        switch event {
        case .char(" "):
            guard let option = highlightedOption else { return false }
            if isMulti {
                toggle(option.id)
            } else {
                selected = [option.id]
            }
        case .key(.enter):
            guard !isMulti, let option = highlightedOption else { return false }
            selected = [option.id]
        case .char(let c):
            guard TextEditing.isPrintable(c) else { return false }
            filter.append(c)
            highlighted = 0
        case .paste(let text):
            let typed = TextEditing.pasteable(text, multiline: false).filter { $0 != " " }
            guard !typed.isEmpty else { return false }
            filter += typed
            highlighted = 0
        case .key(.backspace):
            guard !filter.isEmpty else { return false }
            filter.removeLast()
            highlighted = 0
        case .ctrl("u"):
            guard !filter.isEmpty else { return false }
            filter = ""
            highlighted = 0
        case .key(.up): move(to: highlighted - 1, count: count)
        case .key(.down): move(to: highlighted + 1, count: count)
        case .key(.pageUp): move(to: highlighted - max(1, pageSize), count: count)
        case .key(.pageDown): move(to: highlighted + max(1, pageSize), count: count)
        case .key(.home): move(to: 0, count: count)
        case .key(.end): move(to: count - 1, count: count)
        default: return false
        }
        return true
    }

    /// The option under the highlight, if any option is visible.
    public var highlightedOption: ChoiceOption? {
        let indices = visibleIndices
        guard !indices.isEmpty else { return nil }
        return options[indices[min(max(0, highlighted), indices.count - 1)]]
    }

    private mutating func move(to index: Int, count: Int) {
        highlighted = count == 0 ? 0 : min(max(0, index), count - 1)
    }

    private mutating func toggle(_ id: String) {
        var ids = Set(selected)
        if ids.contains(id) { ids.remove(id) } else { ids.insert(id) }
        selected = options.map(\.id).filter(ids.contains)
    }
}
