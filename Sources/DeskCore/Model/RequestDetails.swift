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

    /// An archive written by another system may leave out, or write as null, what a request
    /// does not have: its checklist (then made from the templates on import), its evidence and
    /// custody. The request and its history are always required.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        request = try container.decode(Request.self, forKey: .request)
        history = try container.decode([StatusChange].self, forKey: .history)
        checklist = try container.decodeIfPresent([ChecklistItem].self, forKey: .checklist) ?? []
        exchanges = try container.decodeIfPresent([EvidenceExchange].self, forKey: .exchanges) ?? []
        items = try container.decodeIfPresent([EvidenceItem].self, forKey: .items) ?? []
        custody = try container.decodeIfPresent([CustodyEvent].self, forKey: .custody) ?? []
    }
}

extension RequestDetails {
    /// The ids an officer types to pick an exchange or an item of this request.
    public var evidenceIDs: [UUID] { exchanges.map(\.id) + items.map(\.id) }
}
