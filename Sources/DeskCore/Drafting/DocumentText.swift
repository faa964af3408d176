/// Text from a request as a letter may carry it. A letter is opened in editors, printed and
/// shown with `cat`; a control character taken from an imported request (ESC, the C1 CSI,
/// a bidi override) would retitle a terminal, clear it or make a reference read backwards
/// there. Each becomes U+FFFD, the usual mark of a character that could not be kept, so the
/// officer sees that something was there; line breaks and tabs stay.
public enum DocumentText {
    public static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars {
            scalars.append(isUnsafe(scalar) ? "\u{FFFD}" : scalar)
        }
        return String(scalars)
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
        default: false
        }
    }
}
