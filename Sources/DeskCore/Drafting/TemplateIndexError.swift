/// A fault in the templates index or a template file, naming the file and the key path
/// (`templates[3].format`) or line where an administrator has to correct it.
public struct TemplateIndexError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    /// Key path inside the index (`templates[2].statuses[0]`), or `line N` inside a template.
    public var key: String
    public var message: String

    public init(file: String, key: String = "", message: String) {
        self.file = file
        self.key = key
        self.message = message
    }

    public var description: String {
        [file, key, message].filter { !$0.isEmpty }.joined(separator: ": ")
    }
}
