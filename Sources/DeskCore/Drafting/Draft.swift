/// A rendered document: what the draft viewer shows and what is written to the officer's file.
///
/// The text is always complete: every field the template needed but the request lacks appears
/// in it as a `[MISSING: field]` marker, and ``missing`` lists the same fields by name, so a
/// caller decides whether to accept it (the command line only with `--force`).
public struct Draft: Sendable, Equatable {
    public var template: DraftTemplate
    public var text: String
    /// Field paths the template needed that are empty for this request, in order of use.
    public var missing: [String]

    public init(template: DraftTemplate, text: String, missing: [String]) {
        self.template = template
        self.text = text
        self.missing = missing
    }

    public var isComplete: Bool { missing.isEmpty }

    /// The text split into lines, as a scrollable viewer draws it.
    public var lines: [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
