/// The one-line message above the key bar: what just happened, or what went wrong, in words.
public struct DeskMessage: Equatable, Sendable {
    public var text: String
    public var isError: Bool

    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }

    public static func error(_ text: String) -> DeskMessage { DeskMessage(text, isError: true) }
}
