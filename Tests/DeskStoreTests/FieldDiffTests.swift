import DeskCore
import DeskTestSupport
import Foundation
import Testing

@testable import DeskStore

/// The audit's words for an edit come from comparing two encodings member by member; a
/// misread member would name the wrong field or hide a change from the trail.
@Suite("What an edit changed, in words")
struct FieldDiffTests {
    @Test func membersKeepEachValueAsWritten() throws {
        let text = #"{"a":"x, \"y\" }","b":[1,{"c":"]"}],"d":{"e":null},"f":-2.5e3,"g":true}"#
        let members = try #require(JSONMembers(text)?.values)
        #expect(members == ["a": #""x, \"y\" }""#, "b": #"[1,{"c":"]"}]"#, "d": #"{"e":null}"#, "f": "-2.5e3", "g": "true"])
    }

    @Test func membersToleratesSpacingAndEmptyObjects() throws {
        #expect(JSONMembers(" { } ")?.values == [:])
        #expect(JSONMembers("{ \"a\" : [ 1 , 2 ] ,\n \"b\" : 3 }")?.values == ["a": "[ 1 , 2 ]", "b": "3"])
    }

    @Test(arguments: [#"{"a":"open"#, #"{"a":1"#, #"{"a" 1}"#, #"{"a":1} x"#, #"["a"]"#, #"{"a":}"#, #"{"a":1,}"#, ""])
    func malformedTextIsNotAnObject(_ text: String) {
        #expect(JSONMembers(text) == nil)
    }

    @Test func stringsAreShownUnescaped() {
        #expect(JSONMembers.display(#""Ana \"Ana\" Müller\u00e9""#) == "Ana \"Ana\" Mülleré")
        #expect(JSONMembers.display(#""plain""#) == "plain")
        #expect(JSONMembers.display("[1,2]") == "[1,2]")
    }

    @Test func shortChangesShowBothValuesAndLongOnesTheirName() {
        let old = Fixtures.request()
        var new = old
        new.urgency = .urgent
        new.types = ["subscriber_info", "traffic_data"]
        new.summaryOfFacts = "Line one.\nLine two."
        new.notes = "Call \"Bundesamt\" back"
        new.version += 1
        new.updatedBy = "Someone Else"
        #expect(FieldDiff.describe(from: old, to: new)
            == #"notes:  → Call "Bundesamt" back; summaryOfFacts; types: ["subscriber_info"] → ["subscriber_info","traffic_data"]; urgency: routine → urgent"#)
    }

    /// A key date is named with what it was and what it became, so the trail keeps a due date
    /// that was moved; the bookkeeping of every save is left out.
    @Test func aDateThatAppearsOrMovesIsShownAndBookkeepingIsIgnored() {
        let old = Fixtures.request()
        var new = old
        new.dates.due = Fixtures.today
        new.version += 3
        #expect(FieldDiff.describe(from: old, to: new) == "dates.due: — → 2026-11-29T09:00:00.000Z")
        var moved = new
        moved.dates.due = Fixtures.today.addingTimeInterval(86_400)
        moved.dates.acknowledged = nil
        #expect(FieldDiff.describe(from: new, to: moved) == "dates.due: 2026-11-29T09:00:00.000Z → 2026-11-30T09:00:00.000Z")
        #expect(FieldDiff.describe(from: old, to: old) == "saved without changes")
    }
}
