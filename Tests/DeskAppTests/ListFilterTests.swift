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

    @Test func unknownFieldNamesAreSearchedAsText() {
        let filter = ListFilter(parsing: "http://example.org")
        #expect(filter.text == "http://example.org")
        #expect(filter.problems.isEmpty)
    }
}
