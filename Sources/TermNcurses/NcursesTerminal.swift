import CNcursesw
import TermUI
#if canImport(Glibc)
import Glibc
#endif

/// The real terminal, through ncursesw: the only code that knows curses exists.
///
/// It refuses to start where a full-screen program would misbehave (no tty, no TERM, a dumb
/// terminal), restores the terminal on `restore()`, on deinit and on SIGINT, SIGTERM and SIGHUP,
/// and paints only the cells that changed since the last frame, followed by one `doupdate()`.
public final class NcursesTerminal: Terminal {
    private var screenHandle: OpaquePointer?
    private var styles: [StyleRole: RoleStyle] = [:]
    private var previous: Screen?
    private var cursorVisible: Bool?
    private var pending: [KeyEvent] = []

    public init() throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw TerminalError("the desk needs an interactive terminal: standard input and output must be a tty")
        }
        guard let term = Self.environment("TERM"), !term.isEmpty, term != "dumb" else {
            throw TerminalError("the terminal type is unknown or “dumb” (TERM): set TERM, e.g. TERM=xterm-256color")
        }
        guard let handle = cn_start() else {
            throw TerminalError("cannot start the terminal “\(term)”: no terminfo entry for it")
        }
        screenHandle = handle
        if Self.environment("ESCDELAY") == nil { _ = cn_set_escdelay(25) }
        raw()
        noecho()
        nonl()
        keypad(cn_stdscr(), true)
        cn_bracketed_paste(1)
        let noColour = !(Self.environment("NO_COLOR") ?? "").isEmpty
        styles = RoleStyle.table(useColour: !noColour)
        cn_install_signal_handlers()
    }

    deinit {
        restore()
    }

    /// Notes SIGINT, SIGTERM and SIGHUP from now on instead of dying of them (a second one still
    /// ends at once), for a program that does work before it starts the terminal: opening the
    /// desk, filling a demo desk. The run loop then hears the signal as its first event.
    public static func noteEndingSignals() {
        cn_install_signal_handlers()
    }

    /// Runs `body` with a terminal and restores the terminal before returning or rethrowing, so
    /// callers can print errors to a sane terminal.
    public static func withTerminal<T>(_ body: (NcursesTerminal) throws -> T) throws -> T {
        let terminal = try NcursesTerminal()
        defer { terminal.restore() }
        return try body(terminal)
    }

    private static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    public var size: (width: Int, height: Int) {
        guard screenHandle != nil else { return (0, 0) }
        return (Int(cn_cols()), Int(cn_lines()))
    }

    public func nextEvent(timeoutMilliseconds: Int) -> KeyEvent? {
        if !pending.isEmpty {
            return pending.removeFirst()
        }
        guard screenHandle != nil else { return nil }
        while true {
            let ending = cn_pending_ending()
            if ending != 0 { return .ending(signal: ending) }
            wtimeout(cn_stdscr(), Int32(clamping: timeoutMilliseconds < 0 ? -1 : timeoutMilliseconds))
            var code: wint_t = 0
            let status = wget_wch(cn_stdscr(), &code)
            if status == ERR {
                // A signal interrupts the wait: say so now rather than after the next timeout.
                let ending = cn_pending_ending()
                if ending != 0 { return .ending(signal: ending) }
                // The terminal is gone but no SIGHUP came (a parent ignoring it): end as if it had.
                return cn_input_hung_up() != 0 ? .ending(signal: SIGHUP) : nil
            }
            if status == KEY_CODE_YES {
                if Int32(code) == KEY_RESIZE {
                    previous = nil
                    return .resize(width: Int(cn_cols()), height: Int(cn_lines()))
                }
                if let event = KeyDecoder.keyCode(Int32(code)) { return event }
                continue
            }
            if code == 27 { return afterEscape() }
            if let event = KeyDecoder.character(UInt32(code)) { return event }
        }
    }

    /// An Escape followed at once by a character is Alt plus that character, or the start of a
    /// bracketed paste (`ESC [200~`); otherwise Escape.
    private func afterEscape() -> KeyEvent {
        wtimeout(cn_stdscr(), 0)
        var code: wint_t = 0
        let status = wget_wch(cn_stdscr(), &code)
        if status == OK, code == 0x5B, let paste = bracketedPaste() {
            return paste
        }
        if status == OK, let event = KeyDecoder.character(UInt32(code)), case .char(let c) = event {
            return .alt(c)
        }
        if status == KEY_CODE_YES, Int32(code) == KEY_RESIZE {
            previous = nil
            pending.append(.resize(width: Int(cn_cols()), height: Int(cn_lines())))
        } else if status == KEY_CODE_YES, let event = KeyDecoder.keyCode(Int32(code)) {
            pending.append(event)
        } else if status == OK, let event = UInt32(code) == 27 ? .key(.escape) : KeyDecoder.character(UInt32(code)) {
            pending.append(event)
        }
        return .key(.escape)
    }

    /// After `ESC [`: the pasted text up to `ESC [201~` when `200~` follows, else nil with what
    /// was read queued as the keys it was. A paste whose end never comes ends after a second
    /// without input.
    private func bracketedPaste() -> KeyEvent? {
        var opening: [UInt32] = []
        for expected in Self.pasteStart {
            let value = nextCharacter(waitMilliseconds: 0)
            if let value { opening.append(value) }
            guard value == expected else {
                pending.append(contentsOf: opening.compactMap(KeyDecoder.character))
                return nil
            }
        }
        var text: [UInt32] = []
        while let value = nextCharacter(waitMilliseconds: 1000) {
            text.append(value)
            if text.count >= Self.pasteEnd.count, Array(text.suffix(Self.pasteEnd.count)) == Self.pasteEnd {
                text.removeLast(Self.pasteEnd.count)
                break
            }
        }
        return .paste(String(String.UnicodeScalarView(text.compactMap(Unicode.Scalar.init))))
    }

    /// The next character the terminal sent, or nil after the wait; a resize meanwhile is
    /// queued, other function keys are skipped.
    private func nextCharacter(waitMilliseconds: Int32) -> UInt32? {
        wtimeout(cn_stdscr(), waitMilliseconds)
        var code: wint_t = 0
        while true {
            switch wget_wch(cn_stdscr(), &code) {
            case OK: return UInt32(code)
            case KEY_CODE_YES:
                if Int32(code) == KEY_RESIZE {
                    previous = nil
                    pending.append(.resize(width: Int(cn_cols()), height: Int(cn_lines())))
                }
            default: return nil
            }
        }
    }

    private static let pasteStart: [UInt32] = Array("200~".unicodeScalars.map(\.value))
    private static let pasteEnd: [UInt32] = Array("\u{1B}[201~".unicodeScalars.map(\.value))

    public func present(_ screen: Screen) {
        guard screenHandle != nil else { return }
        let window = cn_stdscr()
        let rows = min(screen.height, Int(cn_lines()))
        let cols = min(screen.width, Int(cn_cols()))
        let old = previous.flatMap { $0.width == screen.width && $0.height == screen.height ? $0 : nil }
        for y in 0..<max(0, rows) {
            let row = screen.row(y)
            if let old, old.row(y) == row { continue }
            for x in 0..<max(0, cols) {
                let cell = screen[x, y]
                if cell.isContinuation { continue }
                if let old, old[x, y] == cell, screen[x + 1, y] == old[x + 1, y] { continue }
                write(cell, x: x, y: y, wide: x + 1 < cols && screen[x + 1, y].isContinuation)
            }
        }
        if let cursor = screen.cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < cols, cursor.y < rows {
            setCursorVisible(true)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            setCursorVisible(false)
        }
        if old == nil {
            cn_force_repaint()
        }
        wnoutrefresh(window)
        doupdate()
        previous = screen
    }

    /// Writes a cell. The screen gives some glyphs two columns where ncurses, which measures a
    /// cell by `wcwidth` of its first character, gives them one: a flag (two regional
    /// indicators, of which a cell would keep the first) and an emoji made wide by U+FE0F. Their
    /// second column is then written too — the flag's second half, or a blank — so nothing of
    /// an earlier frame stays beside them.
    private func write(_ cell: Cell, x: Int, y: Int, wide: Bool) {
        let style = styles[cell.role] ?? RoleStyle(attributes: cn_a_normal(), pair: 0)
        let scalars = Array(cell.text.unicodeScalars)
        func put(_ part: [Unicode.Scalar], at column: Int) {
            var wchars = part.map { wchar_t(bitPattern: $0.value) }
            if wchars.isEmpty { wchars = [wchar_t(0x20)] }
            wchars.append(0)
            _ = cn_put_cell(Int32(y), Int32(column), wchars, style.attributes, style.pair)
        }
        guard wide, let first = scalars.first, cn_wcwidth(wchar_t(bitPattern: first.value)) == 1 else {
            put(scalars, at: x)
            return
        }
        if scalars.count == 2, scalars.allSatisfy(Self.isRegionalIndicator) {
            put([scalars[0]], at: x)
            put([scalars[1]], at: x + 1)
        } else {
            put(scalars, at: x)
            put([" "], at: x + 1)
        }
    }

    private static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    private func setCursorVisible(_ visible: Bool) {
        guard cursorVisible != visible else { return }
        curs_set(visible ? 1 : 0)
        cursorVisible = visible
    }

    public func restore() {
        guard let handle = screenHandle else { return }
        screenHandle = nil
        curs_set(1)
        endwin()
        cn_bracketed_paste(0)
        cn_reset_signal_handlers()
        delscreen(handle)
    }
}
