/// A key as users read and write it: parsed from keys files, printed in the help screen and key bar.
///
/// Parsing accepts the common spellings ("ctrl-s", "C-s", "^S", "F2", "PgDn", "Shift-Tab",
/// "alt-x", "Space") case-insensitively; ``description`` prints one canonical form that parses
/// back to the same chord.
public struct KeyChord: Hashable, Sendable, CustomStringConvertible {
    public let event: KeyEvent

    public init(_ event: KeyEvent) {
        self.event = event
    }

    public init?(parsing text: String) {
        let trimmed = text.trimmingSpaces
        guard let event = Self.parse(trimmed) else { return nil }
        self.event = event
    }

    private static let names: [String: KeyEvent] = [
        "enter": .key(.enter), "return": .key(.enter), "ret": .key(.enter),
        "esc": .key(.escape), "escape": .key(.escape),
        "tab": .key(.tab), "shift-tab": .key(.backTab), "s-tab": .key(.backTab), "backtab": .key(.backTab),
        "up": .key(.up), "down": .key(.down), "left": .key(.left), "right": .key(.right),
        "↑": .key(.up), "↓": .key(.down), "←": .key(.left), "→": .key(.right),
        "home": .key(.home), "end": .key(.end),
        "pgup": .key(.pageUp), "pageup": .key(.pageUp), "pgdn": .key(.pageDown), "pgdown": .key(.pageDown),
        "pagedown": .key(.pageDown),
        "space": .char(" "), "spc": .char(" "), "comma": .char(","),
        "backspace": .key(.backspace), "bksp": .key(.backspace), "bs": .key(.backspace),
        "delete": .key(.delete), "del": .key(.delete), "insert": .key(.insert), "ins": .key(.insert),
    ]

    private static func parse(_ text: String) -> KeyEvent? {
        let lower = text.lowercased()
        if let named = names[lower] { return named }
        if text.count == 1, let c = text.first {
            return isPrintable(c) ? .char(c) : nil
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...63).contains(n), !lower.contains("+") {
            return .key(.f(n))
        }
        for prefix in ["ctrl-", "ctrl+", "c-", "^"] where lower.hasPrefix(prefix) {
            let rest = text.dropFirst(prefix.count)
            guard rest.count == 1, let c = rest.first, c.isASCII, c.isLetter else { return nil }
            return .ctrl(Character(c.lowercased()))
        }
        for prefix in ["alt-", "alt+", "meta-", "m-"] where lower.hasPrefix(prefix) {
            let rest = text.dropFirst(prefix.count)
            guard rest.count == 1, let c = rest.first, isPrintable(c), c != " " else { return nil }
            return .alt(c)
        }
        return nil
    }

    private static func isPrintable(_ c: Character) -> Bool {
        guard let v = c.unicodeScalars.first?.value else { return false }
        return v >= 0x20 && !(0x7F..<0xA0).contains(v)
    }

    public var description: String {
        switch event {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .ctrl(let c): "Ctrl-" + c.uppercased()
        case .alt(let c): "Alt-" + String(c)
        case .resize: "Resize"
        case .paste: "Paste"
        case .ending(let signal): "Signal \(signal)"
        case .key(let key): Self.name(of: key)
        }
    }

    private static func name(of key: Key) -> String {
        switch key {
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .enter: "Enter"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .insert: "Insert"
        case .escape: "Esc"
        case .f(let n): "F\(n)"
        }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs (no Foundation needed).
    var trimmingSpaces: String {
        var slice = self[...]
        while let c = slice.first, c == " " || c == "\t" { slice.removeFirst() }
        while let c = slice.last, c == " " || c == "\t" { slice.removeLast() }
        return String(slice)
    }
}
