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
            stateHash = Hex.sha256(body)
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
        let bodies = [("request", self.request.body)] + history.map { ("status history", $0.body) }
            + checklist.map { ("checklist", $0.body) } + exchanges.map { ("evidence exchanges", $0.body) }
            + items.map { ("evidence items", $0.body) } + custody.map { ("chain of custody", $0.body) }
        for (part, body) in bodies where Self.holdsNUL(body) {
            throw DeskError.writeFailed("\(request.reference) cannot be stored: its \(part) holds a NUL character (U+0000)")
        }
    }

    /// Every record's stored bytes.
    var bodies: [Data] {
        [request.body] + history.map(\.body) + checklist.map(\.body) + exchanges.map(\.body) + items.map(\.body)
            + custody.map(\.body)
    }

    /// Whether canonical JSON `body` holds a NUL, which it writes as the escape `\u0000`.
    ///
    /// SQLite is handed text up to its first NUL (as GRDB binds it) and GRDB reads it back the
    /// same way, so the indexed copies and audit rows would lose what follows while the body and
    /// its hash keep it: the next `verify` would call the trail tampered with. Escapes are
    /// skipped in pairs, so a backslash written before "u0000" is not mistaken for one.
    static func holdsNUL(_ body: Data) -> Bool {
        body.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return false }
            var index = 0
            while index < bytes.count, let found = memchr(base + index, 0x5C, bytes.count - index) {
                let slash = base.distance(to: UnsafeRawPointer(found))
                if slash + 5 < bytes.count, bytes[slash + 1] == UInt8(ascii: "u"),
                    bytes[(slash + 2)...(slash + 5)].allSatisfy({ $0 == UInt8(ascii: "0") }) {
                    return true
                }
                index = slash + 2
            }
            return false
        }
    }

    /// Prepares `requests` in order and hands them on `size` at a time. At a request that cannot
    /// be prepared it hands on those before it, then throws, so the writer meets the error
    /// exactly where writing it would have. Returns false as soon as `send` does (the writer stopped).
    static func prepare(_ requests: ArraySlice<RequestDetails>, inPiecesOf size: Int,
                        send: ([PreparedRequest]) -> Bool) throws -> Bool {
        try LoadPipeline.sendInPieces(count: requests.count, of: size, send: send) {
            try PreparedRequest(requests[requests.startIndex + $0])
        }
    }

    /// Requests prepared per hand-over: few enough that the writer starts at once and memory
    /// holds a few hundred requests ahead, enough that hand-overs cost nothing.
    static let piece = 250
}
