import DeskCore

/// What hashing files into the case file recorded: the items (new or updated), the custody
/// event of each, and what a folder walk left out (links, FIFOs, devices).
public struct HashedEvidence: Sendable, Hashable {
    public var items: [EvidenceItem]
    public var events: [CustodyEvent]
    public var skipped: [FileTree.Skipped]

    public init(items: [EvidenceItem], events: [CustodyEvent], skipped: [FileTree.Skipped]) {
        self.items = items
        self.events = events
        self.skipped = skipped
    }
}
