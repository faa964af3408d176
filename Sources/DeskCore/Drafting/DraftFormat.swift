/// What a rendered draft is: plain text to print or paste, or Markdown for officers who
/// convert letters to a word processor; the desk names the output file accordingly.
public enum DraftFormat: String, Sendable, CaseIterable, Codable {
    case text
    case markdown

    /// The file extension a draft of this format is saved under by default.
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .markdown: "md"
        }
    }
}
