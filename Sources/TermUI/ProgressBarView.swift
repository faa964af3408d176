/// A text progress bar, "[#####-----]  42%  label", readable without colour.
public enum ProgressBarView {
    /// Draws on the first row of `rect`. The fraction is clamped to 0…1 (NaN counts as 0). The
    /// bar takes the room the label leaves, but at least ten columns; the label is cut if needed.
    public static func render(fraction: Double, label: String, into screen: inout Screen, rect: Rect) {
        guard !rect.isEmpty else { return }
        let clamped = fraction.isNaN ? 0 : min(1, max(0, fraction))
        let percent = Int((clamped * 100).rounded(.down))
        let percentText = String(repeating: " ", count: 3 - String(percent).count + 1) + "\(percent)%"
        let fixed = 2 + DisplayWidth.of(percentText)
        let labelText = Sanitiser.visible(label)
        let labelWidth = labelText.isEmpty ? 0 : 2 + DisplayWidth.of(labelText)
        let room = rect.width - fixed
        let barWidth = max(min(10, room), room - labelWidth)
        guard barWidth > 0 else {
            screen.put(percentText, x: rect.x, y: rect.y, role: .value, maxWidth: rect.width)
            return
        }
        let filled = Int((clamped * Double(barWidth)).rounded(.down))
        screen.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), role: .normal)
        var x = rect.x
        x += screen.put("[", x: x, y: rect.y, role: .normal)
        x += screen.put(String(repeating: "#", count: filled), x: x, y: rect.y, role: .ok)
        x += screen.put(String(repeating: "-", count: barWidth - filled), x: x, y: rect.y, role: .dim)
        x += screen.put("]", x: x, y: rect.y, role: .normal)
        x += screen.put(percentText, x: x, y: rect.y, role: .value)
        if !labelText.isEmpty {
            screen.put("  " + labelText, x: x, y: rect.y, role: .normal, maxWidth: rect.maxX - x)
        }
    }
}
