/// One input event, already decoded from the terminal's byte soup.
///
/// Resize is an event like any other so that the run loop sees it before any widget can swallow it.
/// Ctrl-H, Ctrl-I, Ctrl-J and Ctrl-M arrive as Backspace, Tab and Enter: terminals send the same
/// bytes for them.
public enum KeyEvent: Hashable, Sendable {
    case char(Character)
    case key(Key)
    /// Control plus a letter; the letter is lower case.
    case ctrl(Character)
    /// Alt (Meta, or Escape pressed just before) plus a character.
    case alt(Character)
    case resize(width: Int, height: Int)
    /// Text the terminal marked as pasted (bracketed paste): inserted whole where text is
    /// edited, so a Tab or newline inside it is text, never a key that moves the focus or
    /// submits, and a long paste costs one edit instead of one per character.
    case paste(String)
    /// The process was asked to end (SIGINT, SIGTERM, SIGHUP): the program ends as it would on
    /// quitting, closing what it holds, and then ends with that signal. Nothing unsaved is saved.
    case ending(signal: Int32)
}
