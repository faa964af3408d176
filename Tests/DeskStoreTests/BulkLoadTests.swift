import DeskCore
import DeskTestSupport
import Foundation
import GRDB
import Testing

@testable import DeskStore

/// Demo data and imports are loaded in bulk (``RequestLoader``): the audit head kept in memory,
/// full-text entries written many per statement, instants rounded without a JSON round trip.
/// None of it may change what is stored or weaken the audit trail.
@Suite("Loading requests in bulk")
struct BulkLoadTests {
    private let generator = DemoGenerator(seed: 11, reference: Fixtures.reference, now: Fixtures.today)

    /// Records as the desk holds them, in an order that does not depend on how they were read.
    private func canonicalRecords(_ details: [RequestDetails]) throws -> [Data] {
        try details.sorted { $0.request.id.uuidString < $1.request.id.uuidString }.map { item in
            var item = item
            item.exchanges.sort { $0.id.uuidString < $1.id.uuidString }
            return try DeskJSON.canonical(item)
        }
    }

    private func fullTextMismatches(_ folder: TemporaryDirectory) throws -> Int {
        let queue = try DatabaseQueue(path: folder.path("desk.sqlite"))
        defer { try? queue.close() }
        return try queue.read { db in
            try Int.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM request) + (SELECT count(*) FROM request_fts)
                    - 2 * (SELECT count(*) FROM request JOIN request_fts ON request_fts.rowid = request.num
                           WHERE request_fts.reference = request.reference AND request_fts.operation = request.operation)
                """) ?? -1
        }
    }

    @Test("A demo desk loaded in batches holds every generated record, and its audit chain verifies")
    func demoDesk() throws {
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        let generated = (0..<450).map(generator.request(at:))
        try store.insert(Array(generated[0..<230]), action: "demo")
        try store.insert(Array(generated[230...]), action: "demo")

        let report = try store.verify()
        #expect(report.isRecordSound, "\(report.chainBreak.map(\.problem) ?? "") \(report.recordProblems)")
        let records = generated.map { 1 + $0.history.count + $0.checklist.count + $0.exchanges.count + $0.items.count + $0.custody.count }
        #expect(report.auditRows == records.reduce(0, +))
        #expect(report.requests == generated.count)
        #expect(try canonicalRecords(store.archive(references: nil).requests) == canonicalRecords(generated))
        #expect(try fullTextMismatches(folder) == 0)
    }

    @Test("On a demo desk, the first edit of a request leaves its checklist as loaded: no checklist audit rows")
    func demoChecklistsSurviveAnEdit() throws {
        let folder = try TemporaryDirectory()
        let store = try DeskStore.open(path: folder.path("desk.sqlite"), officer: "Ana Müller",
                                       clock: FixedClock(Fixtures.today), reference: Fixtures.reference)
        let generated = (0..<120).map(generator.request(at:))
        try store.insert(generated, action: "demo")
        #expect(try store.verify().isRecordSound)

        for details in generated.prefix(40) {
            let id = details.request.id
            #expect(try store.checklist(for: id) == details.checklist)
            let before = try store.audit(requestID: id).count
            var edited = try #require(try store.details(id: id)).request
            edited.notes += " Checked with the prosecutor."
            _ = try store.update(edited)
            let added = try store.audit(requestID: id).dropFirst(before)
            #expect(added.map(\.entity) == ["request"], "\(details.request.reference): \(added.map(\.detail))")
            #expect(try store.checklist(for: id) == details.checklist)
        }
        #expect(try store.verify().isRecordSound)
    }

    @Test("An imported archive equals its source desk record by record, with one audit row per record")
    func importEqualsSource() throws {
        let sourceFolder = try TemporaryDirectory()
        let source = try Fixtures.store(in: sourceFolder)
        try source.insert((0..<260).map(generator.request(at:)), action: "demo")
        let archive = try RequestArchive.decode(try source.archive(references: nil).encoded())

        let folder = try TemporaryDirectory()
        let target = try Fixtures.store(in: folder, officer: "Søren Østergaard")
        let summary = try target.importArchive(archive, reference: Fixtures.reference)
        #expect(summary.added.count == 260)

        #expect(try target.archive(references: nil).requests == source.archive(references: nil).requests)
        let report = try target.verify()
        #expect(report.isRecordSound)
        #expect(report.auditRows == (try source.verify().auditRows) + 1)
        #expect(try fullTextMismatches(folder) == 0)
        let again = try target.importArchive(archive, reference: Fixtures.reference)
        #expect(again.added.isEmpty && again.unchanged.count == 260)
    }

    @Test("Rounding instants directly gives what the JSON round trip gives")
    func storableEqualsRoundTrip() throws {
        for index in 0..<200 {
            var request = generator.request(at: index).request
            request.dates.created += 0.000_4
            request.dates.sentOrReceived = request.dates.created + 0.000_6
            request.dates.acknowledged = request.dates.created + 3_600.000_5
            request.dates.due = request.dates.created + 86_400.123_45
            request.dates.completed = request.dates.created + 0.999_9
            request.updatedAt += 0.000_51
            request.identifiers.append(Identifier(kind: .ipAddress, value: "192.0.2.1", observedAt: request.updatedAt + 0.000_2))
            let roundTrip = try RequestRows.decode(Request.self, from: RequestRows.body(request))
            #expect(try RequestRows.storable(request) == roundTrip)
        }
    }

    @Test("A request that could be written but not read back is refused, and nothing is loaded")
    func unreadableRefused() throws {
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        var shortYear = generator.request(at: 1)
        shortYear.request.reference.year = 42
        var farFuture = generator.request(at: 2)
        farFuture.request.dates.completed = Date(timeIntervalSince1970: 300_000_000_000)
        for unreadable in [shortYear, farFuture] {
            #expect(throws: DeskError.self) {
                try store.insert([generator.request(at: 0), unreadable], action: "demo")
            }
            #expect(try store.count(RequestQuery()) == 0)
            #expect(try store.auditTrail().isEmpty)
        }
    }
}
