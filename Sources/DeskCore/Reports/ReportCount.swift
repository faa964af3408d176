/// One line of a count table in a report: a code, its readable label and how many.
public struct ReportCount: Sendable, Equatable, Codable {
    public var key: String
    public var label: String
    public var count: Int

    public init(key: String, label: String, count: Int) {
        self.key = key
        self.label = label
        self.count = count
    }
}
