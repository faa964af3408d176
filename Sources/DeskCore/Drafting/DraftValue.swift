/// A value a document template can insert: a piece of text, a yes/no that switches a passage
/// on or off, or a list of records repeated once per entry (identifiers, evidence items).
///
/// Kept this small on purpose: templates are edited by officers, and three kinds of value are
/// enough to say what a letter needs while letting the desk tell exactly which part is empty.
public enum DraftValue: Sendable, Equatable {
    case text(String)
    case flag(Bool)
    case list([DraftContext])

    /// Text with nothing but white space, a `false` flag, or an empty list: renders as nothing.
    public var isBlank: Bool {
        switch self {
        case let .text(text): text.allSatisfy(\.isWhitespace)
        case let .flag(value): !value
        case let .list(records): records.isEmpty
        }
    }
}
