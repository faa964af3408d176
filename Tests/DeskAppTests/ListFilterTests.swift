import DeskApp
import DeskCore
import DeskTestSupport
import Foundation
import Testing

@Suite struct ListFilterTests {
    @Test func fieldTokensAndWordsBecomeAQuery() {
        let filter = ListFilter(parsing: "status:draft country:de ransomware")
        var query = RequestQuery()
        filter.apply(to: &query, now: DeskFixtures.now)
        #expect(query.statuses == [.draft])
        #expect(query.country == "DE")
        #expect(query.text == "ransomware")
        #expect(filter.problems.isEmpty)
    }

    @Test func everyFieldAndFlagIsRead() {
        let filter = ListFilter(parsing: "type:Preservation urgency:EMERGENCY officer:mueller overdue open due:7d status:in-execution,closed")
        var query = RequestQuery()
        filter.apply(to: &query, now: DeskFixtures.now)
        #expect(query.type == "preservation")
        #expect(query.urgency == .emergency)
        #expect(query.officer == "mueller")
        #expect(query.overdueAt == DeskFixtures.now)
        #expect(query.openOnly)
        #expect(query.dueBefore == DeskFixtures.now.addingTimeInterval(7 * 86_400))
        #expect(query.statuses == [.inExecution, .closed])
        #expect(query.text.isEmpty)
    }

    @Test func unknownValuesAreReportedInWordsAndIgnored() {
        let filter = ListFilter(parsing: "status:drafty urgency:soon due:x phishing")
        #expect(filter.statuses.isEmpty)
        #expect(filter.urgency == nil)
        #expect(filter.problems.count == 3)
        #expect(filter.problems[0].contains("'drafty' is not a status"))
        #expect(filter.text == "phishing")
    }

    @Test func typesAndCountriesAreReadAsAnOfficerWritesThem() {
        let reference = DeskFixtures.reference
        let words = ListFilter(parsing: "type:subscriber country:japan").resolved(with: reference)
        #expect(words.type == "subscriber_info" && words.country == "JP" && words.problems.isEmpty, "\(words.problems)")
        let codes = ListFilter(parsing: "type:preservation country:de").resolved(with: reference)
        #expect(codes.type == "preservation" && codes.country == "DE" && codes.problems.isEmpty)
        let unknown = ListFilter(parsing: "type:nonsense country:XX").resolved(with: reference)
        #expect(unknown.type == nil && unknown.country == nil)
        #expect(unknown.problems == ["'nonsense' is not a request type; try e.g. type:preservation or type:subscriber_info",
                                     "'XX' is not a country; use its code (country:DE) or name (country:germany)"])
    }

    /// A short prefix names three candidates and how many more, so the officer knows the list is not all.
    @Test func anAmbiguousTypeOrCountrySaysHowManyMoreItCouldBe() throws {
        let reference = DeskFixtures.reference
        let filter = ListFilter(parsing: "type:t country:sw").resolved(with: reference)
        let types = reference.requestTypes.filter { $0.id.rawValue.hasPrefix("t") || $0.label.lowercased().hasPrefix("t") }
        try #require(types.count > 3)
        #expect(filter.problems.first == "'t' could be \(types.prefix(3).map(\.id.rawValue).joined(separator: ", ")) and \(types.count - 3) more; type more of it")
        let countries = reference.countries.filter { $0.name.lowercased().hasPrefix("sw") }.map(\.name)
        #expect(Set(countries) == ["Sweden", "Switzerland"])
        #expect(filter.problems.last == "'SW' could be \(countries.joined(separator: ", ")); type more of it", "\(filter.problems)")
    }

    /// A field named twice keeps the last and says so; a field name mistyped is searched as
    /// words and named; a colon in a search word (an address, a time) is left alone.
    @Test func aRepeatedOrMistypedFieldIsNamed() {
        let twice = ListFilter(parsing: "country:de country:fr")
        #expect(twice.country == "FR")
        #expect(twice.problems == ["'country:' given twice; using 'fr'"])
        #expect(ListFilter(parsing: "status:draft status:closed").problems.isEmpty, "statuses add up")
        let slips = ListFilter(parsing: "contry:de stauts:draft typee:x")
        #expect(slips.problems == ["'contry:de' is searched as words; did you mean country:?",
                                   "'stauts:draft' is searched as words; did you mean status:?",
                                   "'typee:x' is searched as words; did you mean type:?"])
        #expect(slips.text == "contry:de stauts:draft typee:x")
        #expect(ListFilter(parsing: "a ransomware").problems == ["'a' is too short to search; type two characters or more"])
        #expect(ListFilter(parsing: "🐍 ransomware").problems == ["'🐍' is not searched: it holds no letter or digit"],
                "an emoji alone finds nothing to search for, and the list would show every request without a word")
        #expect(ListFilter(parsing: "\"ransomware hospital").problems.isEmpty, "a quote being typed is not a problem")
        for word in ["2001:db8::1", "08:15", "https://example.org", "foo:bar", "ab:c"] {
            #expect(ListFilter(parsing: word).problems.isEmpty, "\(word)")
        }
    }

    @Test func anOfficerIsFoundByPartOfTheNameCaseAndAccentsAside() {
        let officers = ["Ana Müller", "Anabel Ruiz", "Jan Novák", "李娜"]
        func officer(_ line: String) -> (String?, [String]) {
            let filter = ListFilter(parsing: line).resolved(with: DeskFixtures.reference, officers: officers)
            return (filter.officer, filter.problems)
        }
        for typed in ["officer:müller", "officer:MULLER", "officer:ana_m", "officer:Ana_Müller"] {
            #expect(officer(typed) == ("Ana Müller", []), "\(typed)")
        }
        #expect(officer("officer:novak") == ("Jan Novák", []))
        for (typed, name) in [("officer:ostergaard", "Søren Østergaard"), ("officer:luc_dubois", "Jean-Luc Dubois"),
                              ("officer:o_briain", "Zoë Ó Briain"), ("officer:yilmaz", "Ahmet Yılmaz")] {
            let found = ListFilter(parsing: typed).resolved(with: DeskFixtures.reference, officers: officers + [
                "Søren Østergaard", "Jean-Luc Dubois", "Zoë Ó Briain", "Ahmet Yılmaz",
            ])
            #expect(found.officer == name, "\(typed): \(found.problems)")
        }
        #expect(officer("officer:李") == ("李娜", []))
        #expect(officer("officer:ana") == (nil, ["'ana' could be Ana Müller, Anabel Ruiz; type more of it"]))
        #expect(officer("officer:Newcomer") == ("Newcomer", []), "an officer the desk does not list yet is looked for as written")
        #expect(officer("officer:___") == (nil, ["'officer:___' needs a name, e.g. officer:müller"]))
        let twins = ListFilter(parsing: "officer:Ana_Müller").resolved(with: DeskFixtures.reference,
                                                                        officers: ["Ana Muller", "Ana Müller", "Anabel Ruiz"])
        #expect(twins.officer == "Ana Müller" && twins.problems.isEmpty, "the name as written wins: \(twins.problems)")
        let many = ListFilter(parsing: "officer:a").resolved(with: DeskFixtures.reference,
                                                            officers: ["Ana A", "Ann B", "Abe C", "Al D", "Ari E"])
        #expect(many.problems == ["'a' could be Ana A, Ann B, Abe C and 2 more; type more of it"])
    }

    /// A filter the desk could not read says so on its line for as long as it is applied, not
    /// only in a message the next key clears.
    @Test func aFilterNotUnderstoodSaysSoOnItsLine() {
        var desk = DeskDriver()
        desk.press(.char("l"), .char("/"))
        desk.type("status:nonsense")
        desk.press(.key(.enter), .key(.down))
        let line = desk.render().lines()[2]
        #expect(line.contains("Filter: status:nonsense  ! 'nonsense' is not a status"), "\(line)")
    }

    @Test func unknownFieldNamesAreSearchedAsText() {
        let filter = ListFilter(parsing: "http://example.org")
        #expect(filter.text == "http://example.org")
        #expect(filter.problems.isEmpty)
    }
}
