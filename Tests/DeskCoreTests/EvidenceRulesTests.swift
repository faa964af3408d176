import DeskCore
import DeskTestSupport
import Foundation
import Testing

@Suite("Evidence rules: hashes, channels, integrity and id prefixes")
struct EvidenceRulesTests {
    private let exchangeID = UUID()
    private let sha = String(repeating: "ab", count: 32)
    private let otherSha = String(repeating: "cd", count: 32)

    @Test("A channel must be in the reference data; long text is refused")
    func exchangeRules() {
        var exchange = EvidenceExchange(requestID: UUID(), flow: .received, at: Fixtures.today, channel: "central_authority",
                                        medium: .usbDrive)
        #expect(EvidenceRules.problems(in: exchange, reference: Fixtures.reference).isEmpty)
        exchange.channel = "carrier_pigeon"
        #expect(EvidenceRules.problems(in: exchange, reference: Fixtures.reference).first?.contains("not a known channel") == true)
        exchange.channel = nil
        exchange.note = String(repeating: "x", count: EvidenceRules.maxTextLength + 1)
        #expect(EvidenceRules.problems(in: exchange, reference: Fixtures.reference).count == 1)
    }

    @Test("Declared hashes must be well-formed; computed ones need SHA-256, and legacy ones a declaration")
    func itemRules() {
        var item = EvidenceItem(exchangeID: exchangeID, description: "Subscriber export", category: .subscriberRecords,
                                declaredHashes: [HashDigest(algorithm: .sha256, value: "xyz")])
        #expect(EvidenceRules.problems(in: item) == ["the declared SHA256 must be 64 hexadecimal digits"])
        item.declaredHashes = [HashDigest(algorithm: .sha256, value: sha.uppercased())]
        #expect(EvidenceRules.problems(in: item).isEmpty)
        item.computedHashes = [HashDigest(algorithm: .md5, value: String(repeating: "0", count: 32))]
        #expect(EvidenceRules.problems(in: item) == [
            "computed hashes must include SHA-256", "MD5 is only computed when a counterpart declared it",
        ])
        item.declaredHashes.append(HashDigest(algorithm: .md5, value: String(repeating: "1", count: 32)))
        #expect(EvidenceRules.algorithms(toCompute: item) == [.sha256, .md5])
        item.description = " "
        #expect(EvidenceRules.problems(in: item).contains("the item needs a description"))
    }

    @Test("A digest is well formed when it is exactly its algorithm's number of ASCII hex digits")
    func wellFormedDigests() {
        let hex = String(repeating: "0123456789abcdef", count: 4)
        #expect(HashDigest(algorithm: .sha256, value: hex).isWellFormed)
        #expect(HashDigest(algorithm: .sha1, value: String(hex.prefix(40))).isWellFormed)
        var upper = HashDigest(algorithm: .md5, value: "")
        upper.value = String(hex.uppercased().prefix(32))
        #expect(upper.isWellFormed)
        let short = String(hex.dropLast())
        let bad: [String] = [short, hex + "0", short + "g", short + "\u{FF10}", String(hex.dropLast(2)) + "é", short + " ",
                             short + "\u{0}", ""]
        for bad in bad {
            #expect(!HashDigest(algorithm: .sha256, value: bad).isWellFormed, "\(bad.debugDescription)")
        }
    }

    @Test("Declared and computed hashes are compared, never merged; a failed re-hash counts as a mismatch")
    func integrity() {
        var item = EvidenceItem(exchangeID: exchangeID, description: "Image", category: .diskImage,
                                declaredHashes: [HashDigest(algorithm: .sha256, value: sha)])
        #expect(ItemIntegrity(item: item, timeline: []).summary == "not hashed")
        item.computedHashes = [HashDigest(algorithm: .sha256, value: otherSha)]
        #expect(item.verification == .mismatch)
        #expect(item.declaredHashes[0].value == sha && item.computedHashes[0].value == otherSha)
        #expect(item.check([HashDigest(algorithm: .sha256, value: otherSha)]).mismatched == [.sha256])
        item.declaredHashes = []
        let failed = CustodyEvent(itemID: item.id, kind: .verificationFailed, at: Fixtures.today, officer: "A")
        let integrity = ItemIntegrity(item: item, timeline: [failed])
        #expect(integrity.hasMismatch && !integrity.isNeverVerified && integrity.summary == "failed")
        #expect(item.check([HashDigest(algorithm: .sha256, value: otherSha)]).passed)
    }

    @Test("The first hash of an undeclared item is an examination; with a declaration it is a verification")
    func hashingEvents() {
        var item = EvidenceItem(exchangeID: exchangeID, description: "Logs", category: .logs)
        let fresh = [HashDigest(algorithm: .sha256, value: sha)]
        #expect(item.custodyEvent(afterHashing: fresh, size: 3, file: "a", recheck: false, at: Fixtures.today, officer: "A").kind == .examined)
        item.declaredHashes = [HashDigest(algorithm: .sha256, value: otherSha)]
        let event = item.custodyEvent(afterHashing: fresh, size: 3, file: "a", recheck: false, at: Fixtures.today, officer: "A")
        #expect(event.kind == .verificationFailed)
        #expect(event.note.contains("declared \(otherSha), computed \(sha)"))
    }

    @Test("Ids match by unique prefix, ignoring case and hyphens")
    func prefixes() {
        let items = [UUID(uuidString: "1A2B3C4D-0000-0000-0000-000000000001")!, UUID(uuidString: "1A2B9999-0000-0000-0000-000000000002")!]
            .map { EvidenceItem(id: $0, exchangeID: exchangeID, description: "x", category: .other) }
        #expect(EvidenceID.matches("1a2b", in: items).count == 2)
        #expect(EvidenceID.matches("1A2B3", in: items).map(\.id) == [items[0].id])
        #expect(EvidenceID.matches("", in: items).isEmpty)
        #expect(EvidenceID.short(items[0].id) == "1a2b3c4d-0000-0000", "without the other ids, long enough for ids made together")
    }

    @Test("Ids made one after another are shown as long as it takes to tell them apart, never under eight digits")
    func shortIDsTellSiblingsApart() throws {
        let first = try #require(UUID(uuidString: "01A22499-F801-7002-8AAA-000000000001"))
        let second = try #require(UUID(uuidString: "01A22499-F801-7003-8BBB-000000000002"))
        let other = try #require(UUID(uuidString: "7C3E0000-0000-4000-8000-000000000000"))
        #expect(EvidenceID.short(first, among: [first, second, other]) == "01a22499-f801-7002")
        #expect(EvidenceID.short(other, among: [first, second, other]) == "7c3e0000")
        #expect(EvidenceID.short(first, among: [first]) == "01a22499")
        for shown in [EvidenceID.short(first, among: [first, second]), EvidenceID.short(second, among: [first, second])] {
            #expect(EvidenceID.matches(shown, in: [Identified(id: first), Identified(id: second)]).count == 1)
        }
    }

    private struct Identified: Identifiable {
        var id: UUID
    }

    @Test("A custody timeline reads in the order things happened; events of the same moment keep their recording order")
    func custodyInTimeOrder() {
        let item = UUID()
        let at = { (minutes: Double) in Fixtures.today.addingTimeInterval(minutes * 60) }
        let recorded = [
            CustodyEvent(itemID: item, kind: .received, at: at(0), officer: "A"),
            CustodyEvent(itemID: item, kind: .examined, at: at(52), officer: "A"),
            CustodyEvent(itemID: item, kind: .sealed, at: at(40), officer: "A", note: "recorded late"),
            CustodyEvent(itemID: item, kind: .stored, at: at(52), officer: "A"),
        ]
        #expect(recorded.inTimeOrder.map(\.kind) == [.received, .sealed, .examined, .stored])
    }
}
