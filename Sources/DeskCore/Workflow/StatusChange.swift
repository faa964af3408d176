import Foundation

/// One step in a request's status history: kept forever, never edited.
public struct StatusChange: Codable, Sendable, Hashable {
    public var from: RequestStatus?
    public var to: RequestStatus
    public var at: Date
    public var officer: String
    public var note: String
    public var ground: RefusalGroundID?

    public init(from: RequestStatus?, to: RequestStatus, at: Date, officer: String, note: String = "",
                ground: RefusalGroundID? = nil) {
        self.from = from
        self.to = to
        self.at = at
        self.officer = officer
        self.note = note
        self.ground = ground
    }
}
