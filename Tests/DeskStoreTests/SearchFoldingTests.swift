import DeskCore
import DeskTestSupport
import Foundation
import GRDB
import Testing

@testable import DeskStore

@Suite("Searches find words in every script, accents and case aside")
struct SearchFoldingTests {
    static let facts = [
        "中华人民共和国司法部 请求保全数据",
        "Εισαγγελία Πρωτοδικών Αθηνών: phishing",
        "สำนักงานอัยการสูงสุด ransomware",
        "Ügyészség — adathalászat",
    ]

    static func desk(in folder: TemporaryDirectory) throws -> DeskStore {
        let store = try Fixtures.store(in: folder)
        for (index, facts) in facts.enumerated() {
            var request = Fixtures.request(facts: facts)
            request.reference = RequestReference("OUT-2026-\(String(format: "%04d", index + 1))")!
            _ = try store.create(request)
        }
        return store
    }

    static func found(_ store: DeskStore, _ text: String) throws -> [String] {
        try store.page(RequestQuery(text: text, sort: .reference, descending: false), offset: 0, limit: 10)
            .map(\.reference.description)
    }

    @Test("A word inside Chinese or Thai text, Greek without its accents, Hungarian without its own")
    func everyScript() throws {
        let folder = try TemporaryDirectory()
        let store = try Self.desk(in: folder)
        #expect(try Self.found(store, "司法部") == ["OUT-2026-0001"], "a word inside a run of Han characters")
        #expect(try Self.found(store, "保全") == ["OUT-2026-0001"])
        #expect(try Self.found(store, "部请") == ["OUT-2026-0001"], "characters side by side across a word's end")
        #expect(try Self.found(store, "司部").isEmpty, "characters apart are not a match")
        for greek in ["εισαγγελια", "ΕΙΣΑΓΓΕΛΙΑ", "Εισαγγελία", "πρωτοδικων"] {
            #expect(try Self.found(store, greek) == ["OUT-2026-0002"], "\(greek)")
        }
        #expect(try Self.found(store, "อัยการ") == ["OUT-2026-0003"], "a Thai word inside a phrase written without spaces")
        #expect(try Self.found(store, "ugyeszseg") == ["OUT-2026-0004"])
        #expect(try Self.found(store, "Ügyész") == ["OUT-2026-0004"])
        #expect(try store.count(RequestQuery(text: "司法部 保全")) == 1)
        #expect(try store.verify().isSound)
    }

    @Test("A quoted phrase keeps its words in order; a complete IP address finds itself only")
    func phrasesAndAddresses() throws {
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        for (index, facts) in ["The suspect was persuaded about the transfer from 203.0.113.7.",
                               "A second host, 203.0.113.74, was persuaded too."].enumerated() {
            var request = Fixtures.request(facts: facts)
            request.identifiers = []
            request.reference = RequestReference("OUT-2026-\(String(format: "%04d", index + 1))")!
            _ = try store.create(request)
        }
        #expect(try Self.found(store, "\"persuaded about\"") == ["OUT-2026-0001"])
        #expect(try Self.found(store, "\"about persuaded\"").isEmpty, "a phrase keeps its order")
        #expect(try Self.found(store, "about persuaded") == ["OUT-2026-0001"], "words without quotes in any order")
        let address = try Self.found(store, "203.0.113.7")
        #expect(address == ["OUT-2026-0001"], "not 203.0.113.74: \(address)")
        #expect(try Self.found(store, "203.0.113") == ["OUT-2026-0001", "OUT-2026-0002"], "an address typed in part matches both")
        #expect(SearchTerms("a persuaded").tooShort == ["a"])
        #expect(SearchTerms("c++ a. c# persuaded").tooShort == ["c++", "a.", "c#"],
                "the index keeps letters and digits: each is one letter, which narrows nothing")
        #expect(SearchTerms("a.b").tooShort.isEmpty && SearchTerms("司").terms == [.prefix("司")])
    }

    @Test("A desk of format 9 has its index written again, folded, when it is next opened")
    func upgrade() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("desk.sqlite")
        try Self.desk(in: folder).close()
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "DELETE FROM request_fts")
            try db.execute(sql: """
                INSERT INTO request_fts (rowid, reference, foreign_reference, operation, authorities, facts, assistance,
                    identifiers, notes)
                SELECT num, reference, '', '', '', json_extract(body, '$.summaryOfFacts'), '', '', '' FROM request
                """)
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier IN (?, ?)",
                           arguments: [DeskMigrations.names[9], DeskMigrations.names[10]])
            try db.execute(sql: "DROP TABLE request_exchanged")
            try db.execute(sql: "PRAGMA user_version = 9")
        }
        try queue.close()
        var heard: [[Int]] = []
        let upgraded = try DeskStore.open(path: path, officer: "Ana Müller", upgrading: { heard.append([$0, $1]) })
        #expect(heard == [[9, DeskFormat.currentVersion]])
        #expect(try Self.found(upgraded, "司法部") == ["OUT-2026-0001"])
        #expect(try Self.found(upgraded, "εισαγγελια") == ["OUT-2026-0002"])
        #expect(try upgraded.verify().isSound, "every entry agrees with its request again")
    }
}
