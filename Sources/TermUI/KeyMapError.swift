/// A problem in a user's keys file, naming the line so it can be fixed without guessing.
public struct KeyMapError: Error, Equatable, Sendable, CustomStringConvertible {
    /// One-based line number in the keys file.
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}
