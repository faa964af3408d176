import DeskCore
import Foundation
import Testing

/// Every desk's audit chain was hashed over this exact text; a change to it would make every
/// existing trail fail `verify`.
@Suite("The bytes an audit row's hash covers")
struct AuditEntryTests {
    @Test("Fields in order, unit separators between, time in milliseconds, text as UTF-8")
    func canonicalBytes() {
        let entry = AuditEntry(
            sequence: 42, at: Date(timeIntervalSince1970: 1_700_000_000.123_4), officer: "Ана Ковач", action: "edit",
            entity: "request", entityID: "id-1", requestID: "id-1", detail: "status: draft → sent\nnext line",
            stateHash: "ab", previousHash: "cd", hash: "ignored")
        let expected = "42\u{1F}1700000000123\u{1F}Ана Ковач\u{1F}edit\u{1F}request\u{1F}id-1\u{1F}id-1\u{1F}"
            + "status: draft → sent\nnext line\u{1F}ab\u{1F}cd"
        #expect(entry.canonicalBytes == Array(expected.utf8))
    }

    @Test("Empty fields still take their place; the hash itself is never covered")
    func emptyFields() {
        var entry = AuditEntry(sequence: 1, at: Date(timeIntervalSince1970: 0), officer: "", action: "", entity: "",
                               entityID: "", requestID: "", detail: "", stateHash: "", previousHash: "", hash: "")
        let before = entry.canonicalBytes
        entry.hash = "changed"
        #expect(before == Array("1\u{1F}0\u{1F}\u{1F}\u{1F}\u{1F}\u{1F}\u{1F}\u{1F}\u{1F}".utf8))
        #expect(entry.canonicalBytes == before)
    }
}
