import Foundation

/// A rendered draft the officer asked to write to a file, with what its history entry names.
public struct DraftWriteOrder: Equatable, Sendable {
    public var requestID: UUID
    public var reference: String
    /// The template's name (`preservation_request`), as the history records it.
    public var template: String
    /// As the officer typed it; a bare name lands in the folder the desk was started from.
    public var path: String
    public var text: String

    public init(requestID: UUID, reference: String, template: String, path: String, text: String) {
        self.requestID = requestID
        self.reference = reference
        self.template = template
        self.path = path
        self.text = text
    }
}
