import Foundation

/// A request with everything attached to it, as the detail view and the JSON export need it.
public struct RequestDetails: Codable, Sendable, Equatable {
    public var request: Request
    public var history: [StatusChange]
    public var checklist: [ChecklistItem]
    public var exchanges: [EvidenceExchange]
    public var items: [EvidenceItem]
    public var custody: [CustodyEvent]

    public init(request: Request, history: [StatusChange] = [], checklist: [ChecklistItem] = [],
                exchanges: [EvidenceExchange] = [], items: [EvidenceItem] = [], custody: [CustodyEvent] = []) {
        self.request = request
        self.history = history
        self.checklist = checklist
        self.exchanges = exchanges
        self.items = items
        self.custody = custody
    }
}

extension RequestDetails {
    /// The ids an officer types to pick an exchange or an item of this request.
    public var evidenceIDs: [UUID] { exchanges.map(\.id) + items.map(\.id) }
}
