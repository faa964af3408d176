/// What the desk needs from a terminal: events in, whole frames out.
///
/// The run loop owns an instance and receives it from outside, so tests and benchmarks drive the
/// same loop through ``HeadlessTerminal`` and only the ncurses implementation touches a real tty.
public protocol Terminal: AnyObject {
    var size: (width: Int, height: Int) { get }
    /// Waits up to `timeoutMilliseconds` (negative waits forever) for the next event; nil on timeout.
    func nextEvent(timeoutMilliseconds: Int) -> KeyEvent?
    /// Draws a whole frame. Implementations write only what changed and never clear per frame.
    func present(_ screen: Screen)
    /// Gives the terminal back to the shell. Safe to call more than once.
    func restore()
}
