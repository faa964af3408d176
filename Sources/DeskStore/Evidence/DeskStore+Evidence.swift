import DeskCore
import Foundation
import GRDB

extension DeskStore {
    /// Records an exchange under its request. Refused when the request is unknown, the channel is
    /// not in the reference data (`reference`, else the store's), or a text is unreasonably long.
    public func recordExchange(_ exchange: EvidenceExchange, reference: ReferenceData? = nil) throws -> EvidenceExchange {
        let problems = EvidenceRules.problems(in: exchange, reference: reference ?? self.reference)
        guard problems.isEmpty else { throw DeskError.evidenceRefused(problems) }
        return try write { db in
            guard try EvidenceRows.requestExists(exchange.requestID, in: db) else {
                throw DeskError.notFound("Request \(exchange.requestID.uuidString)")
            }
            guard try String.fetchOne(db, sql: "SELECT id FROM evidence_exchange WHERE id = ?",
                                      arguments: [exchange.id.uuidString]) == nil
            else { throw DeskError.evidenceRefused(["exchange \(EvidenceID.short(exchange.id)) is already recorded"]) }
            var stored = exchange
            stored.at = DeskJSON.normalized(exchange.at)
            let state = try RequestRows.upsert(stored, in: db)
            try AuditLog.append(
                .init(action: "create", entity: .exchange, entityID: stored.id.uuidString,
                      requestID: stored.requestID.uuidString,
                      detail: "evidence \(stored.flow.rawValue) via \(stored.medium.rawValue)"
                          + (stored.transmittalReference.isEmpty ? "" : " (\(stored.transmittalReference))"),
                      state: state),
                officer: self.officer, at: self.clock.now(), in: db)
            return stored
        }
    }

    /// Adds an item to a recorded exchange, without a file (paper, a sealed drive not yet imaged).
    public func addItem(_ item: EvidenceItem) throws -> EvidenceItem {
        try write { db in try self.insertItems([item], events: [], in: db)[0] }
    }

    /// Appends a custody event to an item's timeline. An event with an id already recorded is
    /// refused: events are never changed, a correction is a new event. An empty officer means
    /// the store's officer.
    public func appendCustody(_ event: CustodyEvent) throws -> CustodyEvent {
        guard !event.kind.isVerification else {
            throw DeskError.evidenceRefused(["a verification is recorded by hashing the item's file again (evidence verify), not by hand"])
        }
        return try write { db in try self.insertCustody(event, in: db) }
    }

    /// An item's custody events, oldest first.
    public func timeline(itemID: UUID) throws -> [CustodyEvent] {
        try read { db in try EvidenceRows.custody(itemID: itemID, in: db) }
    }

    /// The item, or nil when there is none with that id.
    public func item(id: UUID) throws -> EvidenceItem? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT body FROM evidence_item WHERE id = ?", arguments: [id.uuidString])
                .map { try RequestRows.decode(EvidenceItem.self, $0) }
        }
    }

    /// Inserts new items (validated, appended after the request's other items) and then the
    /// events, each audited, in the caller's transaction.
    func insertItems(_ items: [EvidenceItem], events: [CustodyEvent], in db: Database) throws -> [EvidenceItem] {
        let problems = items.flatMap(EvidenceRules.problems(in:))
        guard problems.isEmpty else { throw DeskError.evidenceRefused(problems) }
        var stored: [EvidenceItem] = []
        for item in items {
            let exchange = try EvidenceRows.exchange(item.exchangeID, in: db)
            guard try String.fetchOne(db, sql: "SELECT id FROM evidence_item WHERE id = ?",
                                      arguments: [item.id.uuidString]) == nil
            else { throw DeskError.evidenceRefused(["item \(EvidenceID.short(item.id)) is already recorded"]) }
            let position = try EvidenceRows.nextPosition(requestID: exchange.requestID, in: db)
            let state = try RequestRows.upsert(item, position: position, requestID: exchange.requestID, in: db)
            try AuditLog.append(
                .init(action: "create", entity: .item, entityID: item.id.uuidString,
                      requestID: exchange.requestID.uuidString,
                      detail: "evidence item \(item.category.rawValue): \(item.description)" + Self.hashText(item),
                      state: state),
                officer: officer, at: clock.now(), in: db)
            stored.append(item)
        }
        for event in events {
            _ = try insertCustody(event, in: db)
        }
        return stored
    }

    func insertCustody(_ event: CustodyEvent, in db: Database) throws -> CustodyEvent {
        let (item, _, requestID) = try EvidenceRows.item(event.itemID, in: db)
        guard try String.fetchOne(db, sql: "SELECT id FROM custody_event WHERE id = ?",
                                  arguments: [event.id.uuidString]) == nil
        else {
            throw DeskError.evidenceRefused(["custody events are append-only: event \(EvidenceID.short(event.id)) is already recorded; record a correction as a new event"])
        }
        let problems = [("where", event.location), ("note", event.note), ("officer", event.officer)]
            .filter { $0.1.count > EvidenceRules.maxTextLength }
            .map { "the \($0.0) is longer than \(EvidenceRules.maxTextLength) characters" }
            + [RecordTime.tooEarly(event.at, "the event's time")].compactMap { $0 }
        guard problems.isEmpty else { throw DeskError.evidenceRefused(problems) }
        var stored = event
        stored.at = DeskJSON.normalized(event.at)
        let chain = try EvidenceRows.custody(itemID: event.itemID, in: db)
        if let destroyed = chain.first(where: { $0.kind == .destroyed }), stored.at >= destroyed.at {
            throw DeskError.evidenceRefused([
                "item \(EvidenceID.short(item.id)) was destroyed at \(LocalTime.format(destroyed.at)); nothing can happen to it after that"])
        }
        if stored.kind == .destroyed, let later = chain.filter({ $0.at > stored.at }).map(\.at).max() {
            throw DeskError.evidenceRefused([
                "item \(EvidenceID.short(item.id)) has custody recorded at \(LocalTime.format(later)), after \(LocalTime.format(stored.at)); "
                    + "a destruction is an item's last event: date it after that"])
        }
        if stored.officer.trimmingCharacters(in: .whitespaces).isEmpty { stored.officer = officer }
        let state = try RequestRows.insert(stored, requestID: requestID, in: db)
        try AuditLog.append(
            .init(action: "custody", entity: .custody, entityID: stored.id.uuidString, requestID: requestID.uuidString,
                  detail: "\(stored.kind.rawValue): item \(EvidenceID.short(item.id)) \(item.description)"
                      + (stored.note.isEmpty ? "" : " — \(stored.note)"),
                  state: state),
            officer: officer, at: clock.now(), in: db)
        return stored
    }

    /// ` sha256 <hex>` for audit details, when the item has a computed SHA-256.
    static func hashText(_ item: EvidenceItem) -> String {
        item.computedHashes.first { $0.algorithm == .sha256 }.map { " sha256 \($0.value)" } ?? ""
    }
}
