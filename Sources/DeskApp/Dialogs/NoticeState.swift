/// A notice that holds the desk until read: a title and one or two sentences, such as the
/// store's reason for refusing a package.
public struct NoticeState: Equatable, Sendable {
    public var title: String
    public var text: String
    /// Draws the text as a problem rather than as information.
    public var isError: Bool

    public init(title: String, text: String, isError: Bool = true) {
        self.title = title
        self.text = text
        self.isError = isError
    }
}
