/// Horizontal bar charts drawn in text, readable in monochrome: each bar's length is its share
/// of the largest value, and every bar carries its figure, so nothing depends on colour.
public enum BarChart {
    public struct Bar: Sendable, Equatable, Codable {
        public var label: String
        public var value: Double
        /// The figure printed after the bar (`12`, `30.5 d (n=4)`).
        public var caption: String

        public init(label: String, value: Double, caption: String) {
            self.label = label
            self.value = value
            self.caption = caption
        }
    }

    /// `█` where the terminal shows Unicode blocks, `#` where only ASCII is safe.
    public enum Glyph: Character, Sendable, CaseIterable {
        case block = "█"
        case hash = "#"
    }

    /// One line per bar: the label padded to the longest, the bar, then the caption. A value
    /// above zero always gets at least one glyph, so a small count is never drawn as nothing.
    /// Labels are padded by character count; callers drawing wide characters pad themselves.
    public static func render(_ bars: [Bar], width: Int = 40, glyph: Glyph = .block, labelWidth: Int = 24) -> [String] {
        guard !bars.isEmpty else { return [] }
        let largest = bars.map(\.value).max() ?? 0
        let labels = bars.map { String($0.label.prefix(labelWidth)) }
        let pad = labels.map(\.count).max() ?? 0
        let rule = glyph == .block ? " │ " : " | "
        return zip(bars, labels).map { bar, label in
            var length = largest > 0 ? Int((bar.value / largest * Double(max(width, 1))).rounded()) : 0
            if bar.value > 0 { length = max(length, 1) }
            let drawn = String(repeating: glyph.rawValue, count: length)
            return label + String(repeating: " ", count: pad - label.count) + rule + drawn + (drawn.isEmpty ? "" : " ")
                + bar.caption
        }
    }
}
