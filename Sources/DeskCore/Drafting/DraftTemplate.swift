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
    /// Empty means any legal basis; a letter that cites an instrument's article (Art. 29 of the
    /// Budapest Convention) is offered only under that instrument.
    public var instruments: [InstrumentID]
    public var note: String

    public var id: String { name }

    public init(name: String, title: String, file: String, format: DraftFormat, directions: [Direction],
                types: [RequestTypeID] = [], statuses: [RequestStatus] = [], instruments: [InstrumentID] = [],
                note: String = "") {
        self.name = name
        self.title = title
        self.file = file
        self.format = format
        self.directions = directions
        self.types = types
        self.statuses = statuses
        self.instruments = instruments
        self.note = note
    }

    /// True when the template suits the request's direction, one of its types, its status and
    /// its legal basis.
    public func fits(_ request: Request) -> Bool {
        misfit(request) == nil
    }

    /// Why the template does not suit the request, in words; nil when it does.
    public func misfit(_ request: Request) -> String? {
        if !directions.contains(request.direction) {
            return "it is for \(directions.map { $0 == .incoming ? "incoming" : "outgoing" }.joined(separator: " and ")) requests"
        }
        if !types.isEmpty, !request.types.contains(where: types.contains) {
            return "it is for requests of type \(types.map(\.rawValue).joined(separator: ", "))"
        }
        if !statuses.isEmpty, !statuses.contains(request.status) {
            return "it is for requests in status \(statuses.map(\.rawValue).joined(separator: ", "))"
        }
        if !instruments.isEmpty, !instruments.contains(request.legalBasis.instrument) {
            return "it is for requests under \(instruments.map(\.rawValue).joined(separator: ", "))"
        }
        return nil
    }
}
