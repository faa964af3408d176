import DeskApp
import DeskCore
import DeskTestSupport
import Foundation
import Testing
import TermUI

/// A request with two exchanges: a received one holding an item whose declared and computed
/// SHA-256 differ and a verified item, and a sent one without items.
enum EvidenceFixtures {
    static let received = UUID(uuidString: "E1000000-0000-0000-0000-000000000001")!
    static let sent = UUID(uuidString: "E2000000-0000-0000-0000-000000000002")!
    static let mismatched = UUID(uuidString: "A1000000-0000-0000-0000-000000000001")!
    static let verified = UUID(uuidString: "A2000000-0000-0000-0000-000000000002")!
    static let declared = String(repeating: "ab", count: 32)
    static let computed = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
    static let empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    static func details() -> RequestDetails {
        let request = DeskFixtures.request()
        let exchanges = [
            EvidenceExchange(id: received, requestID: request.id, flow: .received, at: DeskFixtures.day("2026-03-12")
                .addingTimeInterval(10 * 3600 + 15 * 60), channel: "central_authority", medium: .securePortal,
                             counterpartAuthority: "東京地方検察庁", counterpartPerson: "K. Sato",
                             transmittalReference: "T-2026-17", handling: HandlingRestrictions(code: .h2)),
            EvidenceExchange(id: sent, requestID: request.id, flow: .sent, at: DeskFixtures.day("2026-03-13"),
                             medium: .paper),
        ]
        let items = [
            EvidenceItem(id: mismatched, exchangeID: received, description: "Server logs March", category: .logs,
                         originalFileName: "logs.csv", size: 1_234,
                         declaredHashes: [HashDigest(algorithm: .sha256, value: declared)],
                         computedHashes: [HashDigest(algorithm: .sha256, value: computed)]),
            EvidenceItem(id: verified, exchangeID: received, description: "Account holder \u{1B}[2Jdata",
                         category: .subscriberRecords, originalFileName: "subscriber.pdf", size: 48_213,
                         computedHashes: [HashDigest(algorithm: .sha256, value: empty)]),
        ]
        let custody = [
            CustodyEvent(itemID: mismatched, kind: .received, at: DeskFixtures.day("2026-03-12"), officer: "anna",
                         location: "Evidence room 2"),
            CustodyEvent(itemID: mismatched, kind: .verificationFailed, at: DeskFixtures.day("2026-03-12"),
                         officer: "anna", note: "SHA256 declared \(declared), computed \(computed)"),
            CustodyEvent(itemID: verified, kind: .verificationPassed, at: DeskFixtures.day("2026-03-13"), officer: "anna"),
        ]
        return RequestDetails(request: request, exchanges: exchanges, items: items, custody: custody)
    }

    /// The detail page of the fixture request on its Evidence tab.
    static func evidenceTab(width: Int = 80, height: Int = 24, details: RequestDetails = details()) -> DeskDriver {
        var desk = RequestFormTests.detailOfFixture()
        desk.send(.resize(width: width, height: height))
        desk.send(.detailsLoaded(details, audit: [], purpose: .view))
        desk.press(.char("4"))
        #expect(desk.state.scope == .evidence)
        return desk
    }
}
