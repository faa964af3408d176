/// What a piece of text *means* on screen, never what colour it has.
///
/// Widgets and views speak only in roles so that tests can assert meaning and the terminal layer
/// alone decides how a role looks (colour pair, or attributes on a monochrome terminal).
public enum StyleRole: String, Sendable, CaseIterable {
    case normal, title, header, label, value, dim, selected, focused, input, error, warning, ok
    case overdue, required, keyName, keyHint, border, banner, marker
}
