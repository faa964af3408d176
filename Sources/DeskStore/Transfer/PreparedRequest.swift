import DeskCore
import Foundation
import GRDB

/// A request ready for ``RequestLoader`` to write: every record encoded as the canonical JSON
/// the desk stores, with the SHA-256 its audit row keeps, and the full-text entry's text.
///
/// All of it is pure work that does not depend on the database, about a third of loading in
/// bulk, so a second thread prepares the next requests while the single writer inserts these
/// (``LoadPipeline``).
struct PreparedRequest: Sendable {
    /// One record with the bytes stored for it and their SHA-256.
    struct Record<Value: Sendable>: Sendable {
        var value: Value
        var body: Data
        var stateHash: String

        init(_ value: Value, body: Data) {
            self.value = value
            self.body = body
            stateHash = AuditLog.sha256Hex(body)
        }
    }

    /// The request as given, for an import to compare with what the desk holds.
    var details: RequestDetails
    /// The request as stored: instants rounded to the millisecond, as reading it back gives them.
    var request: Record<Request>
    var fullText: [DatabaseValue]
    var history: [Record<StatusChange>]
    var checklist: [Record<ChecklistItem>]
    var exchanges: [Record<EvidenceExchange>]
    var items: [Record<EvidenceItem>]
    var custody: [Record<CustodyEvent>]

    /// Refuses, as writing it would, a request that could be written but not read back.
    init(_ details: RequestDetails) throws {
        self.details = details
        let request = try RequestRows.storable(details.request)
        self.request = Record(request, body: try RequestRows.body(request))
        fullText = RequestRows.fullTextValues(request)
        history = try details.history.map { Record($0, body: try RequestRows.body($0)) }
        checklist = try details.checklist.map { Record($0, body: try RequestRows.body($0)) }
        exchanges = try details.exchanges.map { Record($0, body: try RequestRows.body($0)) }
        items = try details.items.map { Record($0, body: try RequestRows.body($0)) }
        custody = try details.custody.map { Record($0, body: try RequestRows.body($0)) }
    }

    /// Prepares `requests` in order and hands them on `size` at a time. At a request that cannot
    /// be prepared it hands on those before it, then throws, so the writer meets the error
    /// exactly where writing it would have. Returns false as soon as `send` does (the writer stopped).
    static func prepare(_ requests: ArraySlice<RequestDetails>, inPiecesOf size: Int,
                        send: ([PreparedRequest]) -> Bool) throws -> Bool {
        var piece: [PreparedRequest] = []
        piece.reserveCapacity(size)
        for details in requests {
            do {
                piece.append(try PreparedRequest(details))
            } catch {
                _ = piece.isEmpty || send(piece)
                throw error
            }
            if piece.count == size {
                guard send(piece) else { return false }
                piece.removeAll(keepingCapacity: true)
            }
        }
        return piece.isEmpty || send(piece)
    }

    /// Requests prepared per hand-over: few enough that the writer starts at once and memory
    /// holds a few hundred requests ahead, enough that hand-overs cost nothing.
    static let piece = 250
}
