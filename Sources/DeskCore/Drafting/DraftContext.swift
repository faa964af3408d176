/// The named fields a document template draws on, built from one request and the reference
/// data (see ``DraftContextBuilder``). Records inside lists are contexts of their own.
///
/// Every field the builder knows is always present, empty when the request lacks it, so the
/// desk can tell a field that is empty for this request from a name the template misspelt.
public struct DraftContext: Sendable, Equatable {
    public var fields: [String: DraftValue]

    public init(_ fields: [String: DraftValue] = [:]) {
        self.fields = fields
    }

    public subscript(name: String) -> DraftValue? {
        get { fields[name] }
        set { fields[name] = newValue }
    }

    /// The text of a field, or `nil` when it is absent or not text.
    public func text(_ name: String) -> String? {
        if case let .text(value) = fields[name] { return value }
        return nil
    }

    /// The records of a list field; empty when absent or not a list.
    public func list(_ name: String) -> [DraftContext] {
        if case let .list(records) = fields[name] { return records }
        return []
    }
}
