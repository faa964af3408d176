extension RequestDetails {
    /// An item's custody events, oldest first (the order they were appended).
    public func timeline(of itemID: EvidenceItem.ID) -> [CustodyEvent] {
        custody.filter { $0.itemID == itemID }
    }

    public func items(in exchangeID: EvidenceExchange.ID) -> [EvidenceItem] {
        items.filter { $0.exchangeID == exchangeID }
    }

    public func integrity(of item: EvidenceItem) -> ItemIntegrity {
        ItemIntegrity(item: item, timeline: timeline(of: item.id))
    }
}
