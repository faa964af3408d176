/// A named key that is not a printable character.
public enum Key: Hashable, Sendable {
    case up, down, left, right, home, end, pageUp, pageDown
    case enter, tab, backTab, backspace, delete, insert, escape
    /// Function key F1…F63.
    case f(Int)
}
