import Foundation

/// One entry of the templates index: a document the desk can draft, where its Mustache file
/// is, and which requests it suits, so the desk offers only the letters that make sense for a
/// request's direction, type and status.
public struct DraftTemplate: Sendable, Equatable, Identifiable {
    /// Stable identifier typed on the command line (`preservation_request`).
    public var name: String
    public var title: String
    /// File name inside the templates folder; never a path.
    public var file: String
    public var format: DraftFormat
    public var directions: [Direction]
    /// Empty means any type; otherwise the request must have at least one of these.
    public var types: [RequestTypeID]
    /// Empty means any status.
    public var statuses: [RequestStatus]
    public var note: String

    public var id: String { name }

    public init(name: String, title: String, file: String, format: DraftFormat, directions: [Direction],
                types: [RequestTypeID] = [], statuses: [RequestStatus] = [], note: String = "") {
        self.name = name
        self.title = title
        self.file = file
        self.format = format
        self.directions = directions
        self.types = types
        self.statuses = statuses
        self.note = note
    }

    /// True when the template suits the request's direction, one of its types and its status.
    public func fits(_ request: Request) -> Bool {
        directions.contains(request.direction)
            && (types.isEmpty || request.types.contains(where: types.contains))
            && (statuses.isEmpty || statuses.contains(request.status))
    }
}
