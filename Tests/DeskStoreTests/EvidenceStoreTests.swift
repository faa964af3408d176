import DeskCore
import DeskTestSupport
import Foundation
import GRDB
import Testing

@testable import DeskStore

@Suite("Evidence in the store: exchanges, items, hashes, custody, audit")
struct EvidenceStoreTests {
    private let abcSHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"

    private func desk(_ folder: TemporaryDirectory) throws -> (DeskStore, Request, EvidenceExchange) {
        let store = try Fixtures.store(in: folder)
        let request = try store.create(Fixtures.request())
        let exchange = try store.recordExchange(
            EvidenceExchange(requestID: request.id, flow: .received, at: Fixtures.today, channel: "central_authority",
                             medium: .usbDrive, counterpartAuthority: "BfJ", handling: .init(code: .h2)),
            reference: Fixtures.reference)
        return (store, request, exchange)
    }

    private func file(_ folder: TemporaryDirectory, _ name: String, _ text: String) throws -> RawPath {
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder.path(name)))
        return RawPath(folder.path(name))
    }

    @Test("An exchange with an unknown channel or for an unknown request is refused")
    func exchangeValidation() throws {
        let folder = try TemporaryDirectory()
        let (store, request, _) = try desk(folder)
        #expect(throws: DeskError.self) {
            try store.recordExchange(EvidenceExchange(requestID: request.id, flow: .sent, at: Fixtures.today,
                                                      channel: "fax_machine", medium: .paper), reference: Fixtures.reference)
        }
        #expect(throws: DeskError.notFound("Request \(UUID(uuidString: "00000000-0000-0000-0000-000000000000")!.uuidString)")) {
            try store.recordExchange(EvidenceExchange(requestID: UUID(uuidString: "00000000-0000-0000-0000-000000000000")!,
                                                      flow: .sent, at: Fixtures.today, medium: .paper), reference: nil)
        }
    }

    @Test("A file's hash is recorded with an event; a declared mismatch is flagged and both values kept")
    func declaredMismatch() throws {
        let folder = try TemporaryDirectory()
        let (store, request, exchange) = try desk(folder)
        let declared = HashDigest(algorithm: .sha256, value: String(repeating: "0", count: 64))
        let result = try store.addItems(
            EvidenceItem(exchangeID: exchange.id, description: "Subscriber export", category: .subscriberRecords,
                         declaredHashes: [declared]),
            hashing: try file(folder, "export.csv", "abc"))
        let item = try #require(try store.item(id: result.items[0].id))
        #expect(item.declaredHashes == [declared])
        #expect(item.computedHashes == [HashDigest(algorithm: .sha256, value: abcSHA256)])
        #expect(item.verification == .mismatch)
        #expect(item.size == 3 && item.originalFileName == "export.csv" && item.attachedPath == folder.path("export.csv"))
        #expect(try store.timeline(itemID: item.id).map(\.kind) == [.verificationFailed])
        let report = try store.verify()
        #expect(report.evidenceMismatches.count == 1 && !report.isSound)
        #expect(report.recordProblems.isEmpty && report.chainBreak == nil)
        #expect(try store.audit(requestID: request.id).map(\.entity).suffix(3) == ["evidence_exchange", "evidence_item", "custody_event"])
    }

    @Test("A folder becomes one item per regular file; MD5 is computed only when declared")
    func folderItems() throws {
        let folder = try TemporaryDirectory()
        let (store, request, exchange) = try desk(folder)
        try FileManager.default.createDirectory(atPath: folder.path("drive/logs"), withIntermediateDirectories: true)
        _ = try file(folder, "drive/logs/b.log", "b")
        _ = try file(folder, "drive/a.txt", "abc")
        let result = try store.addItems(EvidenceItem(exchangeID: exchange.id, description: "USB drive", category: .logs),
                                        hashing: RawPath(folder.path("drive")))
        #expect(result.items.map(\.originalFileName) == ["a.txt", "logs/b.log"])
        #expect(result.items.allSatisfy { $0.computedHashes.map(\.algorithm) == [.sha256] })
        #expect(result.events.map(\.kind) == [.examined, .examined])
        let report = try store.verify()
        #expect(report.isSound, "\(report.findings)")
        #expect(report.neverVerified.count == 2)
        let details = try #require(try store.details(id: request.id))
        #expect(details.items.count == 2)
        let md5 = try store.addItems(
            EvidenceItem(exchangeID: exchange.id, description: "Legacy", category: .documents,
                         declaredHashes: [HashDigest(algorithm: .md5, value: "900150983cd24fb0d6963f7d28e17f72")]),
            hashing: try file(folder, "legacy.doc", "abc"))
        #expect(md5.items[0].computedHashes.map(\.algorithm) == [.sha256, .md5])
        #expect(md5.items[0].verification == .match && md5.events[0].kind == .verificationPassed)
    }

    @Test("Cancelling a hash records nothing: no item, no event, no audit row")
    func cancelRecordsNothing() throws {
        let folder = try TemporaryDirectory()
        let (store, request, exchange) = try desk(folder)
        try Data(count: 4 << 20).write(to: URL(fileURLWithPath: folder.path("image.dd")))
        let before = try store.audit(requestID: request.id).count
        let cancellation = Cancellation()
        #expect(throws: HashingError.cancelled) {
            try store.addItems(EvidenceItem(exchangeID: exchange.id, description: "Image", category: .diskImage),
                               hashing: RawPath(folder.path("image.dd")), cancellation: cancellation) { _ in cancellation.cancel() }
        }
        let item = try store.addItem(EvidenceItem(exchangeID: exchange.id, description: "Seized drive", category: .diskImage))
        let second = Cancellation()
        second.cancel()
        #expect(throws: HashingError.cancelled) {
            try store.attach(RawPath(folder.path("image.dd")), to: item.id, cancellation: second)
        }
        let details = try #require(try store.details(id: request.id))
        #expect(details.items.map(\.id) == [item.id] && details.items[0].computedHashes.isEmpty)
        #expect(details.custody.isEmpty)
        #expect(try store.audit(requestID: request.id).count == before + 1)
    }

    @Test("Hashing runs on a background thread and another thread's cancel stops it, recording nothing")
    func cancelFromAnotherThread() throws {
        let folder = try TemporaryDirectory()
        let (store, request, exchange) = try desk(folder)
        try Data(count: 8 << 20).write(to: URL(fileURLWithPath: folder.path("image.dd")))
        let cancellation = Cancellation()
        let started = DispatchSemaphore(value: 0)
        let resume = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        let outcome = OutcomeBox()
        let template = EvidenceItem(exchangeID: exchange.id, description: "Image", category: .diskImage)
        let path = RawPath(folder.path("image.dd"))
        Thread {
            do {
                var first = true
                _ = try store.addItems(template, hashing: path, cancellation: cancellation) { _ in
                    if first {
                        first = false
                        started.signal()
                        resume.wait()
                    }
                }
                outcome.set("finished")
            } catch {
                outcome.set(String(describing: error))
            }
            finished.signal()
        }.start()
        started.wait()
        cancellation.cancel()
        resume.signal()
        finished.wait()
        #expect(outcome.value == HashingError.cancelled.description)
        #expect(try store.details(id: request.id)?.items.isEmpty == true)
    }

    @Test("A file whose name is not UTF-8 is not recorded: it could never be found again to verify it")
    func unnameableFilesAreRefused() throws {
        let folder = try TemporaryDirectory()
        let (store, request, exchange) = try desk(folder)
        let evidence = RawPath(folder.path("evidence"))
        try FileManager.default.createDirectory(atPath: evidence.string!, withIntermediateDirectories: false)
        _ = try file(folder, "evidence/readable.txt", "abc")
        let bad = evidence.appending(Array("bad".utf8) + [0xFF, 0xFE] + Array(".bin".utf8))
        let fd = bad.withCString { open($0, O_CREAT | O_WRONLY, 0o600) }
        #expect(fd >= 0)
        close(fd)
        for path in [bad, evidence] {
            let error = #expect(throws: DeskError.self) {
                try store.addItems(EvidenceItem(exchangeID: exchange.id, description: "Logs", category: .logs), hashing: path)
            }
            #expect(error?.description.contains("cannot be named again to verify it (its name is not UTF-8 text)") == true,
                    "\(String(describing: error))")
        }
        let recorded = try store.addItem(EvidenceItem(exchangeID: exchange.id, description: "Log", category: .logs))
        #expect(throws: DeskError.self) { try store.attach(bad, to: recorded.id) }
        #expect(try store.details(id: request.id)?.items.map(\.id) == [recorded.id], "nothing else was recorded")
    }

    @Test("A file whose size is not the size the item was recorded with is not attached to it")
    func attachKeepsTheRecordedSize() throws {
        let folder = try TemporaryDirectory()
        let (store, request, exchange) = try desk(folder)
        var recorded = EvidenceItem(exchangeID: exchange.id, description: "Image as the letter describes it", category: .other)
        recorded.size = 1_000
        let item = try store.addItem(recorded)
        let before = try store.details(id: request.id)
        let error = #expect(throws: DeskError.self) { try store.attach(try file(folder, "other.dd", "abc"), to: item.id) }
        #expect(error?.description.contains("is recorded as 1000 bytes and") == true, "\(String(describing: error))")
        #expect(error?.description.contains("has 3: it is not the file the item describes") == true)
        #expect(try store.details(id: request.id) == before)
        let matching = try store.attach(try file(folder, "image.dd", String(repeating: "x", count: 1_000)), to: item.id)
        #expect(matching.items[0].size == 1_000 && !matching.items[0].computedHashes.isEmpty)
    }

    @Test("Attaching hashes once; computed hashes are never replaced; verify records passed, failed, unreachable")
    func attachAndVerify() throws {
        let folder = try TemporaryDirectory()
        let (store, request, exchange) = try desk(folder)
        let item = try store.addItem(EvidenceItem(exchangeID: exchange.id, description: "Chat log", category: .content))
        let path = try file(folder, "chat.txt", "abc")
        let attached = try store.attach(path, to: item.id)
        #expect(attached.items[0].computedHashes == [HashDigest(algorithm: .sha256, value: abcSHA256)])
        #expect(throws: DeskError.self) { try store.attach(path, to: item.id) }
        _ = try store.addItems(EvidenceItem(exchangeID: exchange.id, description: "Gone", category: .other),
                                      hashing: try file(folder, "gone.txt", "x"))
        try FileManager.default.removeItem(atPath: folder.path("gone.txt"))
        var checks = try store.verifyAttached(requestID: request.id)
        #expect(checks.map(\.outcome) == [.passed, .unreachable("\(folder.path("gone.txt")): No such file or directory")])
        #expect(try store.verify().neverVerified.count == 1)
        try Data("abd".utf8).write(to: URL(fileURLWithPath: folder.path("chat.txt")))
        checks = try store.verifyAttached(requestID: request.id, itemIDs: [item.id])
        #expect(checks.map(\.outcome) == [.failed([.sha256])])
        #expect(try store.timeline(itemID: item.id).map(\.kind) == [.examined, .verificationPassed, .verificationFailed])
        #expect(try store.item(id: item.id)?.computedHashes[0].value == abcSHA256)
        let report = try store.verify()
        #expect(report.evidenceMismatches.count == 1 && report.chainBreak == nil && report.recordProblems.isEmpty)
    }

    @Test("Custody events are append-only: a repeated id, an UPDATE or a DELETE through the store is refused")
    func appendOnly() throws {
        let folder = try TemporaryDirectory()
        let (store, _, exchange) = try desk(folder)
        let item = try store.addItem(EvidenceItem(exchangeID: exchange.id, description: "Drive", category: .diskImage))
        let sealed = try store.appendCustody(CustodyEvent(itemID: item.id, kind: .sealed, at: Fixtures.today, officer: "",
                                                          location: "Locker 14"))
        #expect(sealed.officer == "Ana Müller")
        var corrected = sealed
        corrected.location = "Locker 15"
        #expect(throws: DeskError.self) { try store.appendCustody(corrected) }
        for sql in ["UPDATE custody_event SET body = '{}'", "DELETE FROM custody_event"] {
            #expect(throws: DeskError.self) { try store.write { db in try db.execute(sql: sql) } }
        }
        let stored = try store.appendCustody(CustodyEvent(itemID: item.id, kind: .stored, at: Fixtures.today, officer: "B"))
        #expect(try store.timeline(itemID: item.id) == [sealed, stored])
        #expect(try store.verify().isSound)
    }

    @Test("Nothing happens to an item after it was destroyed: later events are refused, verify does not hash it")
    func nothingAfterDestruction() throws {
        let folder = try TemporaryDirectory()
        let (store, request, exchange) = try desk(folder)
        let item = try store.addItem(EvidenceItem(exchangeID: exchange.id, description: "Chat log", category: .content))
        _ = try store.attach(try file(folder, "chat.txt", "abc"), to: item.id)
        _ = try store.appendCustody(CustodyEvent(itemID: item.id, kind: .stored, at: Fixtures.today.addingTimeInterval(1_800),
                                                 officer: "B"))
        let early = #expect(throws: DeskError.self, "a destruction dated before events already recorded") {
            try store.appendCustody(CustodyEvent(itemID: item.id, kind: .destroyed, at: Fixtures.today.addingTimeInterval(-86_400),
                                                 officer: "B"))
        }
        #expect(early?.description.contains("a destruction is an item's last event: date it after that") == true,
                "\(String(describing: early))")
        let destroyed = Fixtures.today.addingTimeInterval(3_600)
        _ = try store.appendCustody(CustodyEvent(itemID: item.id, kind: .destroyed, at: destroyed, officer: "B"))
        let error = #expect(throws: DeskError.self) {
            try store.appendCustody(CustodyEvent(itemID: item.id, kind: .examined, at: destroyed.addingTimeInterval(60), officer: "B"))
        }
        #expect(error?.description.contains("was destroyed at") == true, "\(String(describing: error))")
        _ = try store.appendCustody(CustodyEvent(itemID: item.id, kind: .sealed, at: destroyed.addingTimeInterval(-60),
                                                 officer: "B", note: "recorded late; before the destruction"))
        let checks = try store.verifyAttached(requestID: request.id)
        #expect(checks.count == 1 && checks[0].event == nil)
        #expect(checks[0].outcome == .destroyed(destroyed), "reported, not hashed, and not a failure")
        #expect(try store.verify().isSound)
    }

    @Test("A custody row edited or moved behind the program's back breaks verify")
    func tamperedCustody() throws {
        let folder = try TemporaryDirectory()
        let (store, _, exchange) = try desk(folder)
        let item = try store.addItem(EvidenceItem(exchangeID: exchange.id, description: "Drive", category: .diskImage))
        let event = try store.appendCustody(CustodyEvent(itemID: item.id, kind: .sealed, at: Fixtures.today, officer: "A"))
        #expect(try store.verify().isSound)
        let other = try store.create(Fixtures.request(.incoming))
        let queue = try DatabaseQueue(path: folder.path("desk.sqlite"))
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER custody_event_append_only_update")
            try db.execute(sql: "UPDATE custody_event SET body = replace(body, '\"sealed\"', '\"destroyed\"') WHERE id = ?",
                           arguments: [event.id.uuidString])
            try db.execute(sql: try #require(DeskTriggers.expected?["custody_event_append_only_update"]))
        }
        var report = try store.verify()
        #expect(report.recordProblems == ["Custody event \(event.id.uuidString) differs from its last audited state (changed behind the program's back)"])
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TRIGGER custody_event_append_only_update")
            try db.execute(sql: "UPDATE custody_event SET body = replace(body, '\"destroyed\"', '\"sealed\"'), request_id = ?",
                           arguments: [other.id.uuidString])
            try db.execute(sql: try #require(DeskTriggers.expected?["custody_event_append_only_update"]))
        }
        try queue.close()
        report = try store.verify()
        #expect(report.recordProblems.count == 2 && report.recordProblems.allSatisfy { $0.hasPrefix("Custody event \(event.id.uuidString) ") }, "the whole id: ids made one after another share their start")
    }
}

/// What the background thread reports back to the test.
private final class OutcomeBox: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""

    func set(_ value: String) { lock.withLock { text = value } }
    var value: String { lock.withLock { text } }
}
