/// Why the desk cannot take over the terminal, worded for the person at the keyboard.
public struct TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
