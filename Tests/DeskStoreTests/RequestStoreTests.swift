import DeskCore
import DeskTestSupport
import Foundation
import GRDB
import Testing

@testable import DeskStore

@Suite("Saving, reading and moving requests")
struct RequestStoreTests {
    @Test("A created request reads back equal, with the next reference of its direction and year")
    func createAndRead() throws {
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        let first = try store.create(Fixtures.request(.outgoing))
        let second = try store.create(Fixtures.request(.outgoing))
        let incoming = try store.create(Fixtures.request(.incoming))
        #expect(first.reference.description == "OUT-2026-0001")
        #expect(second.reference.description == "OUT-2026-0002")
        #expect(incoming.reference.description == "IN-2026-0001")
        #expect(incoming.status == .received)
        let details = try #require(try store.details(id: second.id))
        #expect(details.request == second)
        #expect(details.history.map(\.to) == [.draft])
        #expect(try store.details(reference: RequestReference("out-2026-0001")!)?.request.id == first.id)
    }

    @Test("A list row reads back every type of its request, in order")
    func listRowTypes() throws {
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        let created = try store.create(Fixtures.request(types: ["preservation", "subscriber_info", "traffic_data"]))
        let rows = try store.page(RequestQuery(), offset: 0, limit: 10)
        #expect(rows.map(\.types) == [created.types])
        #expect(created.types.count == 3)
        #expect(DeskStore.typeIDs("a,,b") == ["a", "b"])
        #expect(DeskStore.typeIDs("") == [])
        #expect(DeskStore.typeIDs("x\u{301},y") == ["x\u{301}", "y"])
    }

    @Test("Saving over a newer version from another connection is refused with who and when")
    func versionConflict() throws {
        let folder = try TemporaryDirectory()
        let ana = try Fixtures.store(in: folder, officer: "Ana Müller")
        let created = try ana.create(Fixtures.request())
        let jean = try Fixtures.store(in: folder, officer: "Jean-Luc Dubois")
        var theirs = created
        theirs.notes = "Called the central authority."
        let saved = try jean.update(theirs)
        #expect(saved.version == 2)
        var mine = created
        mine.notes = "My stale edit"
        #expect(throws: DeskError.versionConflict(reference: "OUT-2026-0001", changedBy: "Jean-Luc Dubois",
                                                  changedAt: Fixtures.today)) {
            _ = try ana.update(mine)
        }
        #expect(try ana.details(id: created.id)?.request.notes == "Called the central authority.")
    }

    @Test("The workflow refuses disallowed steps, a refusal without ground and a withdrawal without reason")
    func statusRules() throws {
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        var request = try store.create(Fixtures.request())
        #expect(throws: DeskError.self) {
            _ = try store.changeStatus(id: request.id, expectedVersion: request.version, to: .executed, note: "", ground: nil)
        }
        #expect(throws: DeskError.self) {
            _ = try store.changeStatus(id: request.id, expectedVersion: request.version, to: .withdrawn, note: " ", ground: nil)
        }
        request = try store.changeStatus(id: request.id, expectedVersion: request.version, to: .internalReview, note: "", ground: nil)
        request = try store.changeStatus(id: request.id, expectedVersion: request.version, to: .approved, note: "", ground: nil)
        request = try store.changeStatus(id: request.id, expectedVersion: request.version, to: .transmitted, note: "", ground: nil)
        #expect(request.dates.sentOrReceived == Fixtures.today)
        #expect(throws: DeskError.transitionRefused("A refusal needs its ground (e.g. political_offence)")) {
            _ = try store.changeStatus(id: request.id, expectedVersion: request.version, to: .refused, note: "", ground: nil)
        }
        request = try store.changeStatus(id: request.id, expectedVersion: request.version, to: .refused, note: "",
                                         ground: "no_dual_criminality")
        let history = try #require(try store.details(id: request.id)).history
        #expect(history.map(\.to) == [.draft, .internalReview, .approved, .transmitted, .refused])
        #expect(history.last?.ground == "no_dual_criminality")
        #expect(request.dates.completed == Fixtures.today)
    }

    @Test("A refusal on a ground the legal basis does not provide is refused, named, and changes nothing")
    func refusalGroundOfTheLegalBasis() throws {
        let folder = try TemporaryDirectory()
        let store = try DeskStore.open(path: folder.path("desk.sqlite"), officer: "Ana Müller",
                                       clock: FixedClock(Fixtures.today), reference: Fixtures.reference)
        var draft = Fixtures.request(.incoming, types: ["subscriber_info"])
        draft.legalBasis = LegalBasis(instrument: "eio", articles: "11")
        let request = try store.create(draft)
        let error = #expect(throws: DeskError.self) {
            try store.changeStatus(id: request.id, expectedVersion: request.version, to: .refused, note: "",
                                   ground: "political_offence")
        }
        #expect(error?.description.hasPrefix("\(request.reference) cannot be refused so: Political offence is not a ground") == true,
                "\(String(describing: error))")
        #expect(try store.details(id: request.id)?.request.status == .received)
        let refused = try store.changeStatus(id: request.id, expectedVersion: request.version, to: .refused, note: "",
                                             ground: "ne_bis_in_idem")
        #expect(refused.status == .refused)
    }

    @Test("The desk's figures and the lists they open count the same requests")
    func homeFiguresMatchTheirLists() throws {
        let folder = try TemporaryDirectory()
        let store = try DeskStore.open(path: folder.path("desk.sqlite"), officer: "Ana Müller",
                                       clock: FixedClock(Fixtures.today), reference: Fixtures.reference)
        let generator = DemoGenerator(seed: 31, reference: Fixtures.reference, now: Fixtures.today)
        try store.insert((0..<600).map(generator.request(at:)), action: "demo")
        let overview = try store.overview(now: Fixtures.today)
        var dueSoon = RequestQuery()
        dueSoon.dueFrom = Fixtures.today
        dueSoon.dueBefore = Fixtures.today.addingTimeInterval(7 * 86_400)
        var expiring = RequestQuery()
        expiring.preservationBefore = Fixtures.today.addingTimeInterval(14 * 86_400)
        #expect(overview.dueWithinWeek > 0 && overview.preservationsExpiring > 0 && overview.overdue > 0)
        #expect(try store.count(dueSoon) == overview.dueWithinWeek)
        #expect(try store.count(expiring) == overview.preservationsExpiring)
        #expect(try store.count(RequestQuery(overdueAt: Fixtures.today)) == overview.overdue)
        let preservedAndExecuted = try store.page(expiring, offset: 0, limit: 1_000).filter { $0.status.isFinal }
        #expect(!preservedAndExecuted.isEmpty && preservedAndExecuted.allSatisfy(\.status.keepsPreservationRunning),
                "an executed preservation whose data runs out is counted and listed")
        #expect(try store.page(dueSoon, offset: 0, limit: 1_000).count == overview.dueWithinWeek)
        #expect(try store.page(expiring, offset: 0, limit: 1_000).count == overview.preservationsExpiring)
        let assigned = try store.read { try Set(String.fetchAll($0, sql: "SELECT officer FROM request WHERE officer <> ''")) }
        #expect(assigned.count > 2 && overview.officers == assigned.sorted(), "each assigned officer once, in order")
    }

    @Test("Lists filter and sort in SQL, and full-text search finds identifiers and words")
    func queries() throws {
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        _ = try store.create(Fixtures.request(.outgoing, country: "DE", types: ["preservation"], facts: "Ransomware affiliate"))
        _ = try store.create(Fixtures.request(.outgoing, country: "FR", types: ["subscriber_info", "traffic_data"]))
        var jp = Fixtures.request(.incoming, country: "JP", facts: "東京の事件 phishing kit")
        jp.dates.due = Fixtures.today.addingTimeInterval(-86_400)
        _ = try store.create(jp)
        #expect(try store.count(RequestQuery()) == 3)
        #expect(try store.count(RequestQuery(direction: .outgoing)) == 2)
        #expect(try store.count(RequestQuery(country: "fr")) == 1)
        #expect(try store.count(RequestQuery(type: "traffic_data")) == 1)
        #expect(try store.count(RequestQuery(statuses: [.received])) == 1)
        #expect(try store.count(RequestQuery(overdueAt: Fixtures.today)) == 1)
        #expect(try store.count(RequestQuery(text: "ransom")) == 1)
        #expect(try store.count(RequestQuery(text: "r")) == 3, "one letter narrows nothing and is not searched")
        #expect(try store.count(RequestQuery(text: "ransom a")) == 1)
        #expect(try store.count(RequestQuery(text: "東")) == 1, "one CJK character is a word and is searched")
        #expect(try store.count(RequestQuery(text: "203.0.113.7")) == 3)
        #expect(try store.count(RequestQuery(text: "IN-2026-0001")) == 1)
        #expect(try store.count(RequestQuery(text: "\"unbalanced ) OR *")) == 0)
        let byCountry = try store.page(RequestQuery(sort: .country, descending: false), offset: 0, limit: 10)
        #expect(byCountry.map(\.country.rawValue) == ["DE", "FR", "JP"])
        let second = try store.page(RequestQuery(sort: .country, descending: false), offset: 1, limit: 1)
        #expect(second.map(\.country.rawValue) == ["FR"])
        let overview = try store.overview(now: Fixtures.today)
        #expect(overview.total(.outgoing) == 2)
        #expect(overview.overdue == 1)
    }

    @Test("Whether a search is broad chooses the page's plan, never its rows, and is remembered from the count")
    func breadthChoosesPlanOnly() throws {
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        for (index, country) in ["DE", "FR", "DE", "JP", "DE"].enumerated() {
            _ = try store.create(Fixtures.request(.outgoing, country: CountryCode(country),
                                                  facts: index.isMultiple(of: 2) ? "Ransomware affiliate" : "Phishing kit"))
        }
        let queries = [RequestQuery(text: "ransom"), RequestQuery(country: "DE", text: "ransom"),
                       RequestQuery(text: "ransom", sort: .country, descending: false)]
        let expression = try #require(RequestQuerySQL.ftsExpression("ransom"))
        #expect(store.breadth.isBroad(expression) == nil)
        #expect(try store.count(queries[0]) == 3)
        #expect(store.breadth.isBroad(expression) == false)
        for query in queries {
            let narrow = try store.page(query, offset: 0, limit: 10)
            store.breadth.record(expression, broad: true)
            #expect(try store.page(query, offset: 0, limit: 10) == narrow)
            #expect(try store.page(query, offset: 1, limit: 2) == Array(narrow.dropFirst().prefix(2)))
            store.breadth.record(expression, broad: false)
        }
    }

    @Test("A search is broad beyond 4 × √(desk size) matches: the plans' costs meet there, measured at 10,000 and 100,000")
    func broadnessGrowsWithTheDesk() throws {
        #expect(RequestQuerySQL.broadMatches(deskSize: 0) == 0)
        #expect(RequestQuerySQL.broadMatches(deskSize: 10_000) == 400)
        #expect(RequestQuerySQL.broadMatches(deskSize: 100_000) == 1_264)
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        for index in 0..<30 {
            _ = try store.create(Fixtures.request(.outgoing, country: "DE",
                                                  facts: index < 25 ? "Ransomware affiliate" : "Skimming device"))
        }
        for (word, matches, broad) in [("ransom", 25, true), ("skimming", 5, false)] {
            let expression = try #require(RequestQuerySQL.ftsExpression(word))
            #expect(try store.count(RequestQuery(text: word)) == matches)
            #expect(store.breadth.isBroad(expression) == broad, "\(word): \(matches) of 30, broad beyond 20")
        }
    }

    /// Forty requests in both directions, three countries and two types, thirty of them
    /// urgent and two emergencies, due over a week around today; one in five is about a
    /// sinkhole, the others about phishing. Saved at the real time, so their order is the
    /// order of their saves.
    private func mixedDesk(in folder: TemporaryDirectory) throws -> DeskStore {
        let store = try DeskStore.open(path: folder.path("desk.sqlite"), officer: "Ana Müller", clock: SystemClock())
        let countries: [CountryCode] = ["DE", "FR", "JP"]
        for index in 0..<40 {
            var request = Fixtures.request(index % 4 == 0 ? .incoming : .outgoing, country: countries[index % countries.count],
                                           types: index < 30 ? ["preservation"] : ["testimony"],
                                           facts: index % 5 == 0 ? "Sinkhole of a botnet" : "Phishing kit")
            request.urgency = index < 30 ? .urgent : index < 38 ? .routine : .emergency
            request.dates.due = Fixtures.today.addingTimeInterval(Double(index % 7 - 3) * 86_400)
            _ = try store.create(request)
        }
        return store
    }

    @Test("Conditions that select many are tested on the walk of the list's order, rare ones drive; the rows are the same")
    func broadConditionsWalkTheListOrder() throws {
        let folder = try TemporaryDirectory()
        let store = try mixedDesk(in: folder)
        let written = { (query: RequestQuery, depth: Int) in
            try store.read { db in try RequestQuerySQL.forPage(query, depth: depth, memo: BreadthMemo(), in: db).whereClause }
        }
        #expect(RequestQuerySQL.broadMatches(deskSize: 40) == 24)
        #expect(try written(RequestQuery(urgency: .urgent), 0).contains("+urgency"), "30 of 40 are urgent")
        #expect(try !written(RequestQuery(urgency: .emergency), 0).contains("+"), "2 of 40 are emergencies")
        #expect(try written(RequestQuery(type: "preservation"), 0).contains("EXISTS (SELECT 1 FROM request_type"),
                "a type is looked up request by request on the first pages")
        #expect(try written(RequestQuery(type: "preservation"), 30).contains("+num IN (SELECT request_num FROM request_type"),
                "and tested against the list of its requests past the broad line")
        #expect(try !written(RequestQuery(urgency: .urgent, sort: .due), 0).contains("+"), "no index holds the due order")
        #expect(try !written(RequestQuery(urgency: .urgent, sort: .reference), 0).contains("+"), "nor the fields in reference order")
        let plan = { (query: RequestQuery) in
            try store.read { db in
                let sql = try RequestQuerySQL.forPage(query, memo: BreadthMemo(), in: db)
                return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT id FROM request \(sql.whereClause) \(sql.orderClause)",
                                        arguments: sql.arguments).map { $0["detail"] as String }.joined(separator: " / ")
            }
        }
        let listed = [RequestQuery(), RequestQuery(direction: .incoming), RequestQuery(country: "DE"),
                      RequestQuery(direction: .outgoing, statuses: [.draft], sort: .status), RequestQuery(officer: "Ana Müller"),
                      RequestQuery(sort: .type), RequestQuery(direction: .incoming, sort: .country),
                      RequestQuery(direction: .outgoing, sort: .officer)]
        for query in listed + [RequestQuery(urgency: .urgent), RequestQuery(direction: .outgoing, openOnly: true),
                               RequestQuery(country: "DE", urgency: .urgent, sort: .country),
                               RequestQuery(type: "preservation", sort: .status)] {
            let steps = try plan(query)
            #expect(!steps.contains("TEMP B-TREE") && steps.contains("USING INDEX request_by_"),
                    "the list's order is walked, never sorted (a deep page would read every row before it): \(steps)")
        }
        #expect(try plan(RequestQuery(urgency: .emergency)).contains("request_by_urgency"), "a rare one drives")

        let urgent = RequestQuery(urgency: .urgent)
        let walked = try store.page(urgent, offset: 2, limit: 5)
        let key = RequestQuerySQL.selectionKey(from: "request WHERE urgency = ?", arguments: ["urgent"])
        #expect(store.breadth.isBroad(key) == true, "a page remembers how broad its conditions are, for the next page")
        store.breadth.record(key, broad: false)
        #expect(try store.page(urgent, offset: 2, limit: 5) == walked, "a stale answer changes the plan, never the rows")

        var queries: [RequestQuery] = []
        for sort in RequestSort.allCases {
            queries += [RequestQuery(urgency: .urgent, sort: sort), RequestQuery(urgency: .emergency, sort: sort, descending: false),
                        RequestQuery(direction: .outgoing, type: "preservation", openOnly: true, sort: sort),
                        RequestQuery(country: "DE", overdueAt: Fixtures.today, sort: sort),
                        RequestQuery(dueBefore: Fixtures.today.addingTimeInterval(2 * 86_400), sort: sort, descending: false)]
        }
        queries.append(RequestQuery(urgency: .urgent, text: "phishing"))
        for query in queries {
            try expectPagesAsPlanned(query, in: store, windows: [(0, 100), (0, 3), (5, 7), (26, 10)])
        }
    }

    /// Checks that the store's pages of `query` are the rows SQLite gives for the query's plain
    /// SQL, whichever plan the store took.
    private func expectPagesAsPlanned(_ query: RequestQuery, in store: DeskStore, windows: [(offset: Int, limit: Int)],
                                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        let planned = RequestQuerySQL(query)
        for (offset, limit) in windows {
            let expected = try store.read { db in
                try String.fetchAll(db, sql: "SELECT id FROM request \(planned.whereClause) \(planned.orderClause) LIMIT ? OFFSET ?",
                                    arguments: planned.arguments + [limit, offset])
            }
            #expect(try store.page(query, offset: offset, limit: limit).map(\.id.uuidString) == expected, "\(query)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test("Words that match few requests drive the page and the count in any tab, filter and order; the rows are the same")
    func rareWordsDrive() throws {
        let folder = try TemporaryDirectory()
        let store = try mixedDesk(in: folder)
        #expect(try store.count(RequestQuery(text: "sinkhole")) == 8)
        #expect(store.breadth.isBroad(try #require(RequestQuerySQL.ftsExpression("sinkhole"))) == false, "8 of 40, broad beyond 24")
        let soon = Fixtures.today.addingTimeInterval(2 * 86_400)
        var queries: [RequestQuery] = []
        for sort in RequestSort.allCases {
            queries += [RequestQuery(direction: .incoming, text: "sinkhole", sort: sort),
                        RequestQuery(direction: .outgoing, statuses: [.draft], text: "sinkhole", sort: sort, descending: false),
                        RequestQuery(country: "DE", urgency: .urgent, openOnly: true, text: "sinkhole bot", sort: sort),
                        RequestQuery(type: "preservation", officer: "Ana Müller", dueBefore: soon, text: "sinkhole", sort: sort),
                        RequestQuery(overdueAt: Fixtures.today, text: "sinkhole", sort: sort, descending: false)]
        }
        for query in queries {
            let matches = try store.read { db in
                guard case .few(let matches) = try WordSelection(query, memo: store.breadth, cache: store.textMatches, in: db)
                else { return [Int64]() }
                return matches
            }
            #expect(!matches.isEmpty, "\(query)")
            var rest = query
            rest.text = ""
            let page = RequestQuerySQL(query, drive: .matches(matches))
            let count = RequestQuerySQL(rest, drive: .matches(matches))
            for (sql, arguments) in [("SELECT num FROM \(page.source) \(page.whereClause) \(page.orderClause)", page.arguments),
                                     ("SELECT COUNT(*) FROM \(count.source) \(count.whereClause)", count.arguments)] {
                let steps = try store.read { db in
                    try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(sql)", arguments: arguments).map { $0["detail"] as String }
                }.joined(separator: " / ")
                #expect(steps.contains("SEARCH request USING COVERING INDEX request_by_num (num=?)")
                            && !steps.replacingOccurrences(of: "request_by_num", with: "").contains("request_by_"),
                        "each match is looked up in the index by row number, no index of the other conditions walked: \(steps)")
            }
            try expectPagesAsPlanned(query, in: store, windows: [(0, 100), (0, 2), (3, 4)])
            let planned = RequestQuerySQL(query)
            let expected = try store.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM request \(planned.whereClause)", arguments: planned.arguments)
            }
            #expect(try store.count(query) == expected, "\(query)")
        }
    }

    @Test("A broad search, alone or with filters that select many or few, counts and pages exactly as SQLite does, in every order")
    func broadSearchWithFiltersMatchesSQLite() throws {
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        let countries: [CountryCode] = ["DE", "FR", "JP", "DE", "NL"]
        let facts = ["Ransomware against a hospital", "Phishing kit", "Ransom note by mail", "Stolen credentials"]
        for index in 0..<40 {
            var draft = Fixtures.request(index % 3 == 0 ? .incoming : .outgoing, country: countries[index % countries.count],
                                         types: index.isMultiple(of: 4) ? ["preservation"] : ["subscriber_info"],
                                         facts: [7, 22, 23].contains(index) ? "Sextortion ring" : facts[index % facts.count])
            draft.urgency = index % 5 == 0 ? .urgent : .routine
            _ = try store.create(draft)
        }
        var queries: [RequestQuery] = []
        for (position, sort) in RequestSort.allCases.enumerated() {
            queries.append(RequestQuery(direction: .outgoing, text: "ransom", sort: sort, descending: true))
            queries.append(RequestQuery(country: "DE", text: "ransom", sort: sort, descending: false))
            queries.append(RequestQuery(text: "ransom", sort: sort, descending: position.isMultiple(of: 2)))
        }
        queries.append(RequestQuery(direction: .incoming, type: "preservation", text: "ransom"))
        queries.append(RequestQuery(urgency: .urgent, openOnly: true, text: "ransom hospital"))
        queries.append(RequestQuery(country: "JP", text: "ransom"))
        for sort in RequestSort.allCases {
            queries.append(RequestQuery(direction: .outgoing, text: "sextortion", sort: sort))
        }
        queries.append(RequestQuery(country: "DE", urgency: .routine, text: "sextortion", descending: false))
        let windows = [(0, 100), (0, 3), (2, 4), (5, 5), (60, 5), (1, 0)]
        var largest = 0
        for query in queries {
            let expression = try #require(RequestQuerySQL.ftsExpression(query.text))
            store.breadth.record(expression, broad: false)
            let count = try store.count(query)
            let pages = try windows.map { try store.page(query, offset: $0.0, limit: $0.1) }
            let planned = RequestQuerySQL(query)
            let expected = try store.read { db in
                (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM request \(planned.whereClause)", arguments: planned.arguments),
                 try windows.map { window in
                     try String.fetchAll(db, sql: "SELECT id FROM request \(planned.whereClause) \(planned.orderClause) LIMIT ? OFFSET ?",
                                         arguments: planned.arguments + [window.1, window.0])
                 })
            }
            #expect(count == expected.0 && pages.map { $0.map(\.id.uuidString) } == expected.1, "\(query)")
            store.breadth.record(expression, broad: true)
            let chosen = try store.read { db in
                if case .many = try WordSelection(query, memo: store.breadth, cache: store.textMatches, in: db) { true } else { false }
            }
            let leftToSQLite = query == RequestQuery(text: query.text, sort: .due, descending: query.descending)
            #expect(chosen != leftToSQLite, "\(query)")
            #expect(try store.count(query) == count, "\(query)")
            #expect(try windows.map { try store.page(query, offset: $0.0, limit: $0.1) } == pages, "\(query)")
            largest = max(largest, count)
        }
        #expect(largest > 5, "the fixture must fill more than one of the windows asked for")
    }

    @Test("A broad search kept between keystrokes follows every commit, this desk's and another program's")
    func broadSearchFollowsCommits() throws {
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        let other = try DeskStore.open(path: store.path, officer: "Second desk", reference: store.reference)
        let query = RequestQuery(country: "DE", text: "ransom")
        let expression = try #require(RequestQuerySQL.ftsExpression(query.text))
        store.breadth.record(expression, broad: true)
        _ = try store.create(Fixtures.request(.outgoing, country: "DE", facts: "Ransomware affiliate"))
        #expect(try store.count(query) == 1)
        #expect(try store.page(query, offset: 0, limit: 10).count == 1)
        let second = try store.create(Fixtures.request(.incoming, country: "DE", facts: "Ransom demanded"))
        #expect(try store.count(query) == 2)
        #expect(try store.page(query, offset: 0, limit: 10).first?.id == second.id)
        _ = try other.create(Fixtures.request(.incoming, country: "DE", facts: "Ransom paid in crypto"))
        #expect(try store.count(query) == 3)
        #expect(try store.page(query, offset: 0, limit: 1).count == 1, "a page that fills before the last row")
        let fourth = try store.create(Fixtures.request(.outgoing, country: "DE", facts: "Ransom note"))
        #expect(try store.count(query) == 4, "the read after an early stop sees the commit")
        #expect(try store.page(query, offset: 0, limit: 10).contains { $0.id == fourth.id })
        #expect(try store.details(id: fourth.id) != nil)
        var edited = second
        edited.summaryOfFacts = "Phishing only"
        _ = try store.update(edited)
        #expect(try store.count(query) == 3)
        #expect(try store.page(query, offset: 0, limit: 10).map(\.id).contains(second.id) == false)
        try other.close()
    }

    @Test("Counts by direction and status follow every create and status change")
    func tallyFollowsChanges() throws {
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        var first = try store.create(Fixtures.request(.outgoing, country: "DE"))
        _ = try store.create(Fixtures.request(.outgoing, country: "FR"))
        _ = try store.create(Fixtures.request(.incoming, country: "JP"))
        first = try store.changeStatus(id: first.id, expectedVersion: first.version, to: .internalReview, note: "",
                                       ground: nil)
        #expect(try store.count(RequestQuery(direction: .outgoing)) == 2)
        #expect(try store.count(RequestQuery(direction: .outgoing, statuses: [.draft])) == 1)
        #expect(try store.count(RequestQuery(statuses: [.internalReview])) == 1)
        #expect(try store.count(RequestQuery(statuses: [.draft, .internalReview, .received])) == 3)
        let counts = try store.overview(now: Fixtures.today).statusCounts
        #expect(counts.contains { $0.direction == .outgoing && $0.status == .internalReview && $0.count == 1 })
        #expect(counts.contains { $0.direction == .outgoing && $0.status == .draft && $0.count == 1 })
        #expect(counts.allSatisfy { $0.count > 0 })
    }

    @Test("Every count agrees with the rows listed, types within tabs and statuses too, through edits that move requests between counts")
    func countsAgreeWithRows() throws {
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        var requests: [Request] = []
        for (index, country) in (["DE", "FR", "DE", "JP", "NL", "DE"] as [CountryCode]).enumerated() {
            var draft = Fixtures.request(index.isMultiple(of: 2) ? .outgoing : .incoming, country: country,
                                         types: index == 4 ? ["preservation", "subscriber_info"]
                                             : index.isMultiple(of: 3) ? ["preservation"] : ["subscriber_info"],
                                         facts: index < 3 ? "Ransomware against a hospital" : "Phishing kit")
            draft.urgency = index == 1 ? .emergency : .routine
            requests.append(try store.create(draft))
        }
        var moved = requests[0]
        moved.counterpartCountry = "FR"
        moved.urgency = .urgent
        moved.types = ["traffic_data"]
        moved.summaryOfFacts = "Stolen credentials"
        requests[0] = try store.update(moved)
        requests[1] = try store.changeStatus(id: requests[1].id, expectedVersion: requests[1].version,
                                             to: .withdrawn, note: "no longer needed", ground: nil)
        var queries: [RequestQuery] = [RequestQuery(), RequestQuery(openOnly: true)]
        queries += ["preservation", "subscriber_info", "traffic_data"].map { RequestQuery(type: RequestTypeID($0)) }
        for direction in [nil, Direction.incoming, .outgoing] {
            for country in [nil, "DE", "FR", "JP"] as [CountryCode?] {
                for text in ["", "ransomware", "hospital de", "stolen"] {
                    queries.append(RequestQuery(direction: direction, country: country, text: text))
                    queries.append(RequestQuery(direction: direction, statuses: [.received, .withdrawn], country: country,
                                                urgency: .routine, text: text))
                    queries.append(RequestQuery(direction: direction, country: country, type: "traffic_data", openOnly: true,
                                                text: text))
                    for type in ["preservation", "subscriber_info"] as [RequestTypeID] {
                        queries.append(RequestQuery(direction: direction, statuses: [.received, .withdrawn], country: country,
                                                    type: type, text: text))
                        queries.append(RequestQuery(direction: direction, country: country, type: type, urgency: .routine,
                                                    openOnly: true, text: text))
                    }
                }
            }
        }
        for query in queries {
            #expect(try store.count(query) == store.page(query, offset: 0, limit: 100).count, "\(query)")
        }
        #expect(try store.count(RequestQuery(country: "FR", urgency: .urgent)) == 1)
        #expect(try store.count(RequestQuery(text: "ransomware")) == 2, "the edited facts left the index")
        #expect(try store.count(RequestQuery(text: "stolen")) == 1, "the edited facts reached the index")
        #expect(try store.count(RequestQuery(type: "traffic_data")) == 1)
        #expect(try store.count(RequestQuery(type: "preservation")) == 2, "the edited types left the type index")
        #expect(try store.count(RequestQuery(type: "subscriber_info")) == 4, "a request of two types counts under each")
        #expect(try store.count(RequestQuery(direction: .incoming, statuses: [.withdrawn], type: "subscriber_info")) == 1,
                "a status change moves the request's types with it")
    }

    @Test("Two letters match whole words, three or more match the start of words")
    func shortWords() throws {
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        _ = try store.create(Fixtures.request(country: "DE", facts: "Ransomware against a hospital"))
        _ = try store.create(Fixtures.request(country: "FR", facts: "Phishing kit sold on a forum"))
        #expect(try store.count(RequestQuery(text: "de")) == 1, "the country code is a whole word")
        #expect(try store.count(RequestQuery(text: "ra")) == 0, "two letters are not a prefix")
        #expect(try store.count(RequestQuery(text: "ran")) == 1)
        #expect(try store.count(RequestQuery(text: "so")) == 0)
        #expect(try store.count(RequestQuery(text: "sol")) == 1)
    }

    @Test("A failed save changes nothing and the store keeps working")
    func failedSaveRollsBack() throws {
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        let request = try store.create(Fixtures.request())
        let auditBefore = try store.auditTrail().count
        var stale = request
        stale.version = 7
        #expect(throws: DeskError.self) { _ = try store.update(stale) }
        #expect(try store.auditTrail().count == auditBefore)
        var edit = request
        edit.urgency = .urgent
        let saved = try store.update(edit)
        #expect(saved.urgency == .urgent)
        #expect(try store.audit(requestID: request.id).last?.detail == "urgency: routine → urgent")
    }
}
