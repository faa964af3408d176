/// The "1–22 of 100,000" text that tells users where they are in a long list.
public enum ScrollIndicator {
    /// `offset` is the zero-based index of the first visible row.
    public static func text(offset: Int, visible: Int, total: Int) -> String {
        guard total > 0, visible > 0 else { return "0 of \(grouped(max(0, total)))" }
        let first = min(max(0, offset), total - 1) + 1
        let last = min(first - 1 + visible, total)
        return "\(grouped(first))–\(grouped(last)) of \(grouped(total))"
    }

    /// Thousands separated by commas, independent of the process locale.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return n < 0 ? "-" + out : out
    }
}
