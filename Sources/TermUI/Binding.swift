/// One named action with its keys and help text.
///
/// Keys, help screen and key bar all come from the same bindings, so the help can never
/// describe a key that does something else.
public struct Binding<Action: Hashable & Sendable>: Sendable {
    public var action: Action
    public var keys: [KeyChord]
    public var help: String
    /// Whether the bottom key bar lists this binding (the help screen lists all of them).
    public var showInBar: Bool

    public init(_ action: Action, _ keys: [KeyChord], help: String, showInBar: Bool = true) {
        self.action = action
        self.keys = keys
        self.help = help
        self.showInBar = showInBar
    }
}
