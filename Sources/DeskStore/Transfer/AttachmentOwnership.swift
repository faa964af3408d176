import DeskCore
import Foundation
import GRDB

/// Keeps an import from reaching records of other requests.
///
/// Evidence exchanges and items are written by id (a later version of a request replaces its
/// own), so an archive that gave its request an exchange or item under the id of one this desk
/// holds for another request would overwrite that record — its computed hashes, its file —
/// and leave it filed under the wrong request. Every id an incoming request brings is looked
/// up first; one held by another request refuses the import, named.
enum AttachmentOwnership {
    /// The first exchange, item or custody event of `details` whose id this desk holds under
    /// another request, in words; nil when there is none.
    static func problem(in details: RequestDetails, in db: Database) throws -> String? {
        let own = details.request.id.text
        let records: [(table: String, what: String, ids: [UUID])] = [
            ("evidence_exchange", "evidence exchange", details.exchanges.map(\.id)),
            ("evidence_item", "evidence item", details.items.map(\.id)),
            ("custody_event", "custody event", details.custody.map(\.id)),
        ]
        for record in records where !record.ids.isEmpty {
            let owner = try db.cachedStatement(sql: "SELECT request_id FROM \(record.table) WHERE id = ?")
            for id in record.ids {
                guard let holder = try String.fetchOne(owner, arguments: [id.text]), holder != own else { continue }
                let reference = try String.fetchOne(
                    db.cachedStatement(sql: "SELECT reference FROM request WHERE id = ?"), arguments: [holder])
                return "\(details.request.reference): \(record.what) \(id.uuidString) is already on this desk under "
                    + "\(reference ?? holder); an import never moves a record from one request to another"
            }
        }
        return nil
    }
}
