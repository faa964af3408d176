import DeskCore
import DeskTestSupport
import Foundation
import Testing

@testable import DeskStore

@Suite("Export and import of the canonical JSON archive")
struct ArchiveTests {
    private func source() throws -> (TemporaryDirectory, DeskStore) {
        let folder = try TemporaryDirectory()
        let store = try DeskStore.open(path: folder.path("desk.sqlite"), officer: "Ana Müller", clock: FixedClock(Fixtures.today),
                                       reference: Fixtures.reference)
        var request = try store.create(Fixtures.request())
        request = try store.changeStatus(id: request.id, expectedVersion: request.version, to: .internalReview, note: "", ground: nil)
        _ = try store.create(Fixtures.request(.incoming, country: "JP", facts: "東京地方検察庁 asks for logs"))
        return (folder, store)
    }

    @Test("Requests round-trip between two desks with history intact")
    func roundTrip() throws {
        let (_, store) = try source()
        let data = try store.archive(references: nil).encoded()
        let target = try TemporaryDirectory()
        let other = try Fixtures.store(in: target, officer: "Søren Østergaard")
        let summary = try other.importArchive(try RequestArchive.decode(data), reference: Fixtures.reference)
        #expect(summary.added.map(\.description) == ["IN-2026-0001", "OUT-2026-0001"])
        #expect(try other.archive(references: nil).requests == store.archive(references: nil).requests)
        #expect(try other.verify().isSound)
        let again = try other.importArchive(try RequestArchive.decode(data), reference: Fixtures.reference)
        #expect(again.added.isEmpty && again.unchanged.count == 2)
    }

    /// An archive written by hand or by another system may carry no checklist; the request
    /// then gets its templates' checklist, all open, so the gates it keeps still hold.
    @Test("A request that arrives without a checklist gets its templates' checklist, open, and its gates hold")
    func missingChecklistIsMadeFromTheTemplates() throws {
        let bare = try Fixtures.store(in: try TemporaryDirectory())
        _ = try bare.create(Fixtures.request(types: ["preservation"]))
        let archive = try bare.archive(references: nil)
        #expect(archive.requests.first?.checklist.isEmpty == true, "a desk without reference data writes none")
        let target = try TemporaryDirectory()
        let desk = try DeskStore.open(path: target.path("desk.sqlite"), officer: "Søren Østergaard",
                                      clock: FixedClock(Fixtures.today), reference: Fixtures.reference)
        _ = try desk.importArchive(archive, reference: Fixtures.reference)
        let imported = try #require(try desk.details(reference: archive.requests[0].request.reference))
        #expect(!imported.checklist.isEmpty && imported.checklist.allSatisfy { $0.state == .open })
        #expect(try desk.importArchive(archive, reference: Fixtures.reference).unchanged.count == 1,
                "the same archive again is the request already here")
        var request = imported.request
        for target in [RequestStatus.internalReview, .approved] {
            request = try desk.changeStatus(id: request.id, expectedVersion: request.version, to: target, note: "", ground: nil)
        }
        #expect(throws: DeskError.self, "transmitting waits for the required items") {
            try desk.changeStatus(id: request.id, expectedVersion: request.version, to: .transmitted, note: "", ground: nil)
        }
        #expect(try desk.verify().isSound)

        let data = try archive.encoded()
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var requests = try #require(object["requests"] as? [[String: Any]])
        requests[0].removeValue(forKey: "checklist")
        requests[0].removeValue(forKey: "custody")
        object["requests"] = requests
        let missing = try JSONSerialization.data(withJSONObject: object)
        let null = try Fixtures.archive(data, editingRequest: 0, at: ["checklist"], to: NSNull())
        for (name, written) in [("left out", missing), ("null", null)] {
            let other = try DeskStore.open(path: target.path("\(name).sqlite"), officer: "Søren Østergaard",
                                           clock: FixedClock(Fixtures.today), reference: Fixtures.reference)
            _ = try other.importArchive(try RequestArchive.decode(written), reference: Fixtures.reference)
            let made = try #require(try other.details(reference: archive.requests[0].request.reference))
            #expect(made.checklist.count == imported.checklist.count, "a checklist \(name) is made from the templates")
        }
    }

    @Test("A request named twice is exported once, so the desk's own import takes the file back")
    func namedTwiceExportedOnce() throws {
        let (_, store) = try source()
        let twice = [RequestReference(direction: .outgoing, year: 2026, sequence: 1),
                     RequestReference(direction: .incoming, year: 2026, sequence: 1),
                     RequestReference(direction: .outgoing, year: 2026, sequence: 1)]
        let archive = try store.archive(references: twice)
        #expect(archive.requests.map(\.request.reference.description) == ["OUT-2026-0001", "IN-2026-0001"])
        let target = try TemporaryDirectory()
        let other = try Fixtures.store(in: target)
        #expect(try other.importArchive(try RequestArchive.decode(try archive.encoded()), reference: Fixtures.reference).added.count == 2)
    }

    @Test("An archive's file paths are never taken in; its own export, paths and all, imports back as unchanged")
    func filePathsStayOnTheirDesk() throws {
        let planted = PackagePair.details(attachedPath: "/etc/shadow", digest: String(repeating: "ab", count: 32), size: 631)
        let archive = RequestArchive(exportedAt: Fixtures.today, deskID: "other-desk", requests: [planted])
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        #expect(try store.importArchive(archive, reference: Fixtures.reference).added.count == 1)
        let stored = try #require(try store.details(id: planted.request.id))
        #expect(stored.items.map(\.attachedPath) == [nil])
        var pointed = planted
        pointed.items[0].attachedPath = "/somewhere/else"
        let again = try store.importArchive(RequestArchive(exportedAt: Fixtures.today, deskID: "other-desk", requests: [pointed]),
                                            reference: Fixtures.reference)
        #expect(again.unchanged.count == 1 && again.added.isEmpty)
    }

    @Test("Evidence in an archive meets the rules a recorded exchange or item meets")
    func evidenceRules() throws {
        var details = PackagePair.details(attachedPath: "", digest: String(repeating: "ab", count: 32), size: 18)
        details.items[0].size = -5
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        let error = #expect(throws: DeskError.self) {
            _ = try store.importArchive(RequestArchive(exportedAt: Fixtures.today, deskID: "other-desk", requests: [details]),
                                        reference: Fixtures.reference)
        }
        #expect(error?.description.contains("the size cannot be negative") == true, "\(String(describing: error))")
        #expect(try store.count(RequestQuery()) == 0)
    }

    @Test("A digest written in capitals by another tool is stored as the desk writes digests, and still matches")
    func capitalDigests() throws {
        let digest = String(repeating: "ab", count: 32)
        let details = PackagePair.details(attachedPath: "", digest: digest, size: 18)
        var text = String(decoding: try RequestArchive(exportedAt: Fixtures.today, deskID: "other-desk", requests: [details]).encoded(),
                          as: UTF8.self)
        text = text.replacingOccurrences(of: digest, with: digest.uppercased())
        #expect(text.contains(digest.uppercased()))
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        _ = try store.importArchive(try ArchiveInput(Data(text.utf8)), reference: Fixtures.reference)
        let item = try #require(try store.details(id: details.request.id)?.items.first)
        #expect(item.declaredHashes.map(\.value) == [digest] && item.computedHashes.map(\.value) == [digest])
        var sent = details.items[0]
        sent.attachedPath = nil
        #expect(item == sent, "the same item as the sender's, file path aside")
    }

    @Test("A bad archive is refused with the first problem named and changes nothing",
          arguments: [
            ("{", "not valid JSON"),
            (#"{"format":"zip","version":1}"#, "format is 'zip'"),
            ("[]", "not an MLA Desk request archive"),
          ])
    func badFiles(text: String, expected: String) throws {
        let error = #expect(throws: DeskError.self) { _ = try RequestArchive.decode(Data(text.utf8)) }
        #expect(error?.description.contains(expected) == true, "\(String(describing: error))")
    }

    @Test("A history or checklist the desk's own rules would refuse is refused in an archive too", arguments: [
        ("withdrawn without a reason", "a step to withdrawn refused here: Moving to withdrawn needs a reason in the note"),
        ("a ground on a step that is not a refusal", "a step to internal_review refused here: Only a refusal takes a ground"),
        ("a step dated before the one it follows", "its status history goes back in time"),
        ("not applicable without a reason", "checklist item core.urgency is marked not applicable without a reason"),
        ("a step two days ahead of this desk's clock", "its status history reached internal_review at 2026-12-01T09:00:00.000Z, in the future"),
        ("custody two days ahead", "took place at 2026-12-01T09:00:00.000Z, in the future (this desk's clock reads 2026-11-29T09:00:00.000Z)"),
        ("made in the year 0", "it was created at 0000-01-01T00:00:00.000Z, before 1970"),
        ("a refusal on a ground its legal basis does not provide", "its status history has a refusal refused here: Fiscal offence is not a ground on which an expedited preservation"),
        ("custody after the item's destruction", "is dated 2026-11-29T09:01:00.000Z, at or after the item's destruction at 2026-11-29T09:00:30.000Z"),
    ])
    func rulesOfTheDeskHoldOnImport(case name: String, expected: String) throws {
        var details = PackagePair.details(attachedPath: "", digest: String(repeating: "ab", count: 32), size: 11)
        details.items[0].computedHashes = []
        let later = Fixtures.today.addingTimeInterval(3_600)
        switch name {
        case "withdrawn without a reason":
            details.history.append(StatusChange(from: .draft, to: .withdrawn, at: later, officer: "Ana Müller", note: " "))
            details.request.status = .withdrawn
        case "a ground on a step that is not a refusal":
            details.history.append(StatusChange(from: .draft, to: .internalReview, at: later, officer: "Ana Müller", note: "",
                                                ground: "political_offence"))
            details.request.status = .internalReview
        case "a step two days ahead of this desk's clock":
            details.history.append(StatusChange(from: .draft, to: .internalReview, at: Fixtures.today.addingTimeInterval(2 * 86_400),
                                                officer: "Ana Müller", note: ""))
            details.request.status = .internalReview
        case "custody two days ahead":
            details.custody[1].at = Fixtures.today.addingTimeInterval(2 * 86_400)
        case "a refusal on a ground its legal basis does not provide":
            details.request.types = ["preservation"]
            details.request.legalBasis = LegalBasis(instrument: "budapest", articles: "29")
            for (to, at) in [(RequestStatus.internalReview, 60.0), (.approved, 120), (.transmitted, 180), (.refused, 240)] {
                details.history.append(StatusChange(from: details.history.last?.to, to: to, at: Fixtures.today.addingTimeInterval(at),
                                                    officer: "Ana Müller", note: "", ground: to == .refused ? "fiscal_offence" : nil))
            }
            details.request.status = .refused
            details.request.dates.sentOrReceived = Fixtures.today.addingTimeInterval(180)
            details.request.dates.completed = Fixtures.today.addingTimeInterval(240)
        case "custody after the item's destruction":
            details.custody.insert(CustodyEvent(itemID: details.items[0].id, kind: .destroyed, at: Fixtures.today.addingTimeInterval(30),
                                                officer: "Ana Müller", note: "shredded"), at: 1)
        case "made in the year 0":
            details.request.dates.created = try #require(DeskJSON.parseInstant("0000-01-01T00:00:00.000Z"))
        case "a step dated before the one it follows":
            details.history.append(StatusChange(from: .draft, to: .internalReview, at: Fixtures.today.addingTimeInterval(-86_400),
                                                officer: "Ana Müller", note: ""))
            details.request.status = .internalReview
        default:
            details.checklist[1].reason = ""
        }
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        let archive = RequestArchive(exportedAt: Fixtures.today, deskID: "other-desk", requests: [details])
        let error = #expect(throws: DeskError.self) { _ = try store.importArchive(archive, reference: Fixtures.reference) }
        #expect(error?.description.contains(expected) == true, "\(String(describing: error))")
        #expect(try store.count(RequestQuery()) == 0)
    }

    /// Exchanges and items are written by id; an archive that reused the id of another
    /// request's record would overwrite it (its computed hashes, its file) under the wrong request.
    @Test("An import never reaches another request's evidence: an id held by another request refuses it, named",
          arguments: ["evidence exchange", "evidence item", "custody event"])
    func recordsOfAnotherRequest(what: String) throws {
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        var held = PackagePair.details(attachedPath: "", digest: String(repeating: "ab", count: 32), size: 11)
        held.items[0].computedHashes = []
        _ = try store.importArchive(RequestArchive(exportedAt: Fixtures.today, deskID: "other-desk", requests: [held]),
                                    reference: Fixtures.reference)
        let before = try store.details(id: held.request.id)
        var intruder = PackagePair.details(attachedPath: "", digest: String(repeating: "cd", count: 32), size: 12)
        intruder.items[0].computedHashes = []
        intruder.request.reference = try #require(RequestReference("OUT-2026-0777"))
        let clash: UUID
        switch what {
        case "evidence exchange":
            clash = held.exchanges[0].id
            intruder.exchanges[0].id = clash
            intruder.items[0].exchangeID = clash
        case "evidence item":
            clash = held.items[0].id
            intruder.items[0].id = clash
            for index in intruder.custody.indices { intruder.custody[index].itemID = clash }
        default:
            clash = held.custody[0].id
            intruder.custody[0].id = clash
        }
        let archive = RequestArchive(exportedAt: Fixtures.today, deskID: "hostile-desk", requests: [intruder])
        for dryRun in [true, false] {
            let error = #expect(throws: DeskError.self) {
                _ = try store.importArchive(archive, reference: Fixtures.reference, dryRun: dryRun)
            }
            #expect(error?.description.contains(
                "OUT-2026-0777: \(what) \(clash.uuidString) is already on this desk under \(held.request.reference)") == true,
                "\(String(describing: error))")
        }
        #expect(try store.details(id: held.request.id) == before)
        #expect(try store.count(RequestQuery()) == 1)
        #expect(try store.verify().isSound)
    }

    /// The checklist is the desk's own gate: an archive that left required items out or marked
    /// them optional would let a request be transmitted incomplete.
    @Test("An archive cannot weaken the checklist: which items there are, required and gating, come from this desk")
    func checklistRulesComeFromThisDesk() throws {
        let folder = try TemporaryDirectory()
        let source = try DeskStore.open(path: folder.path("source.sqlite"), officer: "Ana Müller",
                                        clock: FixedClock(Fixtures.today), reference: Fixtures.reference)
        var request = try source.create(Fixtures.request())
        for target in [RequestStatus.internalReview, .approved] {
            request = try source.changeStatus(id: request.id, expectedVersion: request.version, to: target, note: "", ground: nil)
        }
        let made = try #require(try source.details(id: request.id))
        var archive = try source.archive(references: nil)
        for index in archive.requests[0].checklist.indices {
            archive.requests[0].checklist[index].isRequired = false
            archive.requests[0].checklist[index].gates = nil
        }
        archive.requests[0].checklist[0].state = .done
        archive.requests[0].checklist[0].changedBy = "Ana Müller"
        archive.requests[0].checklist[0].changedAt = Fixtures.today
        archive.requests[0].checklist.removeLast(2)
        archive.requests[0].checklist.append(ChecklistItem(itemID: "x.invented", group: "X", label: "Invented", isRequired: false))

        let desk = try DeskStore.open(path: folder.path("desk.sqlite"), officer: "Søren Østergaard",
                                      clock: FixedClock(Fixtures.today), reference: Fixtures.reference)
        _ = try desk.importArchive(archive, reference: Fixtures.reference)
        let imported = try #require(try desk.details(id: request.id))
        #expect(imported.checklist.prefix(made.checklist.count).map(\.itemID) == made.checklist.map(\.itemID))
        #expect(imported.checklist.prefix(made.checklist.count).map(\.isRequired) == made.checklist.map(\.isRequired))
        #expect(imported.checklist.prefix(made.checklist.count).map(\.gates) == made.checklist.map(\.gates))
        #expect(imported.checklist[0].state == .done, "what the archive says of an item is kept")
        #expect(imported.checklist.last?.itemID == "x.invented" && imported.checklist.last?.isObsolete == true)
        let error = #expect(throws: DeskError.self) {
            try desk.changeStatus(id: request.id, expectedVersion: imported.request.version, to: .transmitted, note: "", ground: nil)
        }
        #expect(error?.description.contains("required checklist items are open") == true, "\(String(describing: error))")
    }

    @Test("One invalid request refuses the whole import; the desk is unchanged")
    func allOrNothing() throws {
        let (_, store) = try source()
        var archive = try store.archive(references: nil)
        let target = try TemporaryDirectory()
        let other = try Fixtures.store(in: target)
        _ = try other.create(Fixtures.request(.outgoing, country: "NL"))
        let before = try other.archive(references: nil).requests
        let auditBefore = try other.auditTrail().count
        archive.requests[0].request.counterpartCountry = "XX"
        archive.requests[0].request.reference = RequestReference("IN-2026-0042")!
        let error = #expect(throws: DeskError.self) {
            _ = try other.importArchive(archive, reference: Fixtures.reference)
        }
        #expect(error?.description.contains("'XX' is not a known ISO 3166-1 country code") == true)
        #expect(try other.archive(references: nil).requests == before)
        #expect(try other.auditTrail().count == auditBefore)
    }

    @Test("A NUL in any text is refused whole, named, and changes nothing; a backslash before u0000 is only text")
    func nulCharacters() throws {
        let (_, store) = try source()
        let target = try TemporaryDirectory()
        let other = try Fixtures.store(in: target)
        var archive = try store.archive(references: nil)
        archive.requests[1].request.operation = "Op\u{0}hidden"
        let error = #expect(throws: DeskError.self) { _ = try other.importArchive(archive, reference: Fixtures.reference) }
        #expect(error?.description.contains("its request holds a NUL character") == true, "\(String(describing: error))")
        guard case let .importRejected(reason)? = error else {
            Issue.record("a NUL in an archive is not an import refusal: \(String(describing: error))")
            return
        }
        #expect(reason.hasPrefix("requests[1] OUT-"), "\(reason)")
        archive = try store.archive(references: nil)
        archive.requests[0].history[0].note = "before\u{0}after"
        let history = #expect(throws: DeskError.self) { _ = try other.importArchive(archive, reference: Fixtures.reference) }
        #expect(history?.description.contains("its status history holds a NUL character") == true)
        #expect(try other.count(RequestQuery()) == 0)
        #expect(try other.auditTrail().isEmpty)

        archive = try store.archive(references: nil)
        archive.requests[1].request.operation = #"C:\u0000 and \\u0000"#
        #expect(try other.importArchive(archive, reference: Fixtures.reference).added.count == 2)
        #expect(try other.verify().isSound)
    }

    @Test("An escaped NUL is told from an escaped backslash followed by u0000")
    func nulEscapes() {
        let cases: [(String, Bool)] = [
            (#"{"a":"\u0000"}"#, true), (#"{"a":"x\\u0000"}"#, false), (#"{"a":"\\\u0000"}"#, true),
            (#"{"a":"\u00001"}"#, true), (#"{"a":"\u0001"}"#, false), (#"{"a":"\"}"#, false), ("", false),
        ]
        for (json, expected) in cases {
            #expect(PreparedRequest.holdsNUL(Data(json.utf8)) == expected, "\(json)")
        }
    }

    @Test("An import whose reference is taken by another request is refused whole")
    func referenceClash() throws {
        let (_, store) = try source()
        let archive = try store.archive(references: nil)
        let target = try TemporaryDirectory()
        let other = try Fixtures.store(in: target)
        _ = try other.create(Fixtures.request(.outgoing))
        #expect(throws: DeskError.importRejected("the reference OUT-2026-0001 is already used by another request on this desk")) {
            _ = try other.importArchive(archive, reference: Fixtures.reference)
        }
        #expect(try other.count(RequestQuery()) == 1)
    }

    @Test("A request this desk holds under another reference is named by the reference it has here")
    func sameIDOtherReference() throws {
        let (_, store) = try source()
        var archive = try store.archive(references: nil)
        let held = archive.requests[0].request.reference
        archive.requests[0].request.reference = RequestReference(direction: held.direction, year: held.year, sequence: 9000)
        let id = archive.requests[0].request.id.uuidString
        #expect(throws: DeskError.importRejected("\(held.direction == .outgoing ? "OUT" : "IN")-\(held.year)-9000 is the request this desk holds as \(held) (the same id, \(id)), with different content")) {
            _ = try store.importArchive(archive, reference: Fixtures.reference)
        }
    }

    /// An archive file of 510 generated requests: more than two of the pieces an import
    /// decodes and prepares at a time on its preparing thread.
    private func largeArchive() throws -> Data {
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        let generator = DemoGenerator(seed: 5, reference: Fixtures.reference, now: Fixtures.today)
        try store.insert((0..<510).map(generator.request(at:)), action: "demo")
        return try store.archive(references: nil).encoded()
    }

    @Test("An archive file imports, decoded request by request, exactly as its whole decoding does")
    func streamedImport() throws {
        let data = try largeArchive()
        let folders = try (TemporaryDirectory(), TemporaryDirectory(), TemporaryDirectory())
        let streamed = try Fixtures.store(in: folders.0)
        let whole = try Fixtures.store(in: folders.1)
        let summary = try streamed.importArchive(try ArchiveInput(data), reference: Fixtures.reference)
        #expect(summary == (try whole.importArchive(try RequestArchive.decode(data), reference: Fixtures.reference)))
        #expect(summary.added.count == 510)
        #expect(try streamed.archive(references: nil).requests == whole.archive(references: nil).requests)
        #expect(try streamed.auditTrail().map(\.stateHash) == whole.auditTrail().map(\.stateHash))
        let streamedReport = try streamed.verify()
        let wholeReport = try whole.verify()
        #expect(streamedReport.chainBreak == nil && streamedReport.recordProblems.isEmpty && streamedReport.integrityProblems.isEmpty)
        #expect(streamedReport.evidenceMismatches == wholeReport.evidenceMismatches)
        let dry = try Fixtures.store(in: folders.2)
        #expect(try dry.importArchive(try ArchiveInput(data), reference: Fixtures.reference, dryRun: true).added.count == 510)
        #expect(try dry.count(RequestQuery()) == 0 && dry.auditTrail().isEmpty)
    }

    @Test("A request late in an archive file that does not decode, or is not valid, refuses it whole, named",
          arguments: [
            (["request", "status"], "42", "requests[505].request.status"),
            (["request", "counterpartCountry"], #""XX""#, "requests[505] ("),
            (["request", "urgency"], #""whenever""#, "requests[505].request.urgency"),
            (["request", "bogusField"], #""planted""#, "requests[505]: bogusField is not a field of a request archive"),
            (["request", "legalBasis", "articlez"], #"["29"]"#, "requests[505]: articlez is not a field of a request archive"),
            (["request", "version"], "9223372036854775807", "version must be between 1 and 999999999"),
            (["request", "reference"], #""OUT-2026-1000000000""#, "the reference's number must be at most 999999999"),
            (["request", "version"], "1.5", "requests[505]: the number 1.5 cannot be read: every number of the file is a whole number"),
            (["request", "version"], "1e30", "requests[505]: the number 1e+30 cannot be read"),
            (["request", "id"], #""nope""#, "requests[505].request.id: is not an id (a UUID"),
            (["request", "urgency"], #""teleported""#, "requests[505].request.urgency: 'teleported' is not a value this field takes"),
          ])
    func streamedRefusal(path: [String], json: String, named: String) throws {
        let value = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
        let data = try Fixtures.archive(try largeArchive(), editingRequest: 505, at: path, to: value)
        let folder = try TemporaryDirectory()
        let other = try Fixtures.store(in: folder)
        _ = try other.create(Fixtures.request(.outgoing, country: "NL"))
        let before = try other.archive(references: nil).requests
        let auditBefore = try other.auditTrail().count
        let error = #expect(throws: DeskError.self) {
            _ = try other.importArchive(try ArchiveInput(data), reference: Fixtures.reference)
        }
        #expect(error?.description.contains(named) == true, "\(String(describing: error))")
        #expect(error?.description.hasSuffix("..") == false, "one sentence, one full stop: \(String(describing: error))")
        #expect(try other.archive(references: nil).requests == before)
        #expect(try other.auditTrail().count == auditBefore)
    }

    @Test("A field written twice in one object is refused, named, in a request late in the file or in the header",
          arguments: [
            ("\"urgency\"", "\"urgency\" : \"emergency\", \"urgency\"", "requests[509]: the field \"urgency\" is written twice in one object"),
            ("\"deskID\"", "\"deskID\" : \"B0000000-0000-4000-8000-000000000000\", \"deskID\"", "the field \"deskID\" is written twice in one object"),
          ])
    func duplicateFields(written: String, twice: String, named: String) throws {
        var text = String(decoding: try largeArchive(), as: UTF8.self)
        let place = try #require(text.range(of: written, options: .backwards))
        text.replaceSubrange(place, with: twice)
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        let error = #expect(throws: DeskError.self) {
            _ = try store.importArchive(try ArchiveInput(Data(text.utf8)), reference: Fixtures.reference)
        }
        #expect(error?.description.contains(named) == true, "\(String(describing: error))")
        #expect(try store.count(RequestQuery()) == 0 && store.auditTrail().isEmpty)
    }

    @Test("A dry run reports what would be added and writes nothing")
    func dryRun() throws {
        let (_, store) = try source()
        let target = try TemporaryDirectory()
        let other = try Fixtures.store(in: target)
        let summary = try other.importArchive(try store.archive(references: nil), reference: Fixtures.reference, dryRun: true)
        #expect(summary.added.count == 2)
        #expect(try other.count(RequestQuery()) == 0)
        #expect(try other.auditTrail().isEmpty)
    }
}
