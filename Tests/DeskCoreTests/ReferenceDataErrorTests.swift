import DeskCore
import Foundation
import Testing

/// Each kind of fault in a reference file is reported with the file and the key to fix.
@Suite struct ReferenceDataErrorTests {
    private func error(in name: String, _ json: String) throws -> ReferenceDataError {
        let files = try ReferenceFixtures.shippedFiles(replacing: name, with: json)
        return try #require(ReferenceFixtures.decodeError(files))
    }

    @Test func missingFile() throws {
        var files = try ReferenceFixtures.shippedFiles()
        files["channels.json"] = nil
        #expect(ReferenceFixtures.decodeError(files)
            == ReferenceDataError(file: "channels.json", message: "file is missing"))
    }

    @Test func invalidJSONSaysWhere() throws {
        let error = try error(in: "countries.json", "{\"version\": 1,\n  \"countries\": ]}")
        #expect(error.file == "countries.json")
        #expect(error.key == "")
        #expect(error.message.hasPrefix("not valid JSON"))
        #expect(error.message.hasSuffix("around line 2, column 16"))
    }

    @Test func missingField() throws {
        let error = try error(in: "countries.json", #"{"version": 1, "countries": [{"code": "DE"}]}"#)
        #expect(error == ReferenceDataError(
            file: "countries.json", key: "countries[0].name", message: "required field is missing"))
    }

    @Test func missingFieldInNestedList() throws {
        let error = try error(in: "instruments.json", """
            {"version": 1, "instruments": [{"id": "budapest", "name": "Convention on Cybercrime",
             "shortName": "Budapest", "articles": [{"number": "25", "title": "General"}, {"number": "29"}]}]}
            """)
        #expect(error.key == "instruments[0].articles[1].title")
        #expect(error.message == "required field is missing")
    }

    @Test func wrongType() throws {
        let error = try error(in: "countries.json", #"{"version": 1, "countries": [{"code": "DE", "name": "Germany", "eu": "yes"}]}"#)
        #expect(error == ReferenceDataError(
            file: "countries.json", key: "countries[0].eu", message: "wrong type (expected true or false)"))
    }

    @Test func wrongTypeForAnID() throws {
        let error = try error(in: "channels.json", #"{"version": 1, "channels": [{"id": 7, "label": "Seven", "isMLA": true}]}"#)
        #expect(error == ReferenceDataError(
            file: "channels.json", key: "channels[0].id", message: "wrong type (expected text)"))
    }

    @Test func entryThatIsNotAnObject() throws {
        let error = try error(in: "channels.json", #"{"version": 1, "channels": ["interpol"]}"#)
        #expect(error.key == "channels[0]")
        #expect(error.message == "wrong type (expected an object)")
    }

    @Test func duplicateID() throws {
        let error = try error(in: "channels.json", """
            {"version": 1, "channels": [{"id": "interpol", "label": "INTERPOL", "isMLA": false},
             {"id": "interpol", "label": "INTERPOL again", "isMLA": false}]}
            """)
        #expect(error == ReferenceDataError(
            file: "channels.json", key: "channels[1].id", message: "duplicate 'interpol' (first at channels[0])"))
    }

    @Test func badCountryCode() throws {
        let error = try error(in: "countries.json", """
            {"version": 1, "countries": [{"code": "DE", "name": "Germany"}, {"code": "DEU", "name": "Germany"}]}
            """)
        #expect(error.description == "countries.json: countries[1].code: 'DEU' is not a two-letter ISO 3166-1 code")
    }

    @Test func malformedID() throws {
        let error = try error(in: "request_types.json", """
            {"version": 1, "requestTypes": [{"id": "Subscriber Info", "label": "Subscriber information",
             "description": "Who holds the account.", "category": "data"}]}
            """)
        #expect(error.key == "requestTypes[0].id")
        #expect(error.message.hasPrefix("'Subscriber Info' is not a valid id"))
    }

    @Test func emptyLabel() throws {
        let error = try error(in: "offences.json", #"{"version": 1, "offences": [{"id": "phishing", "label": "  "}]}"#)
        #expect(error == ReferenceDataError(file: "offences.json", key: "offences[0].label", message: "must not be empty"))
    }

    @Test func budapestArticleOutOfRange() throws {
        let error = try error(in: "offences.json", #"{"version": 1, "offences": [{"id": "phishing", "label": "Phishing", "budapestArticle": "29"}]}"#)
        #expect(error.key == "offences[0].budapestArticle")
    }

    @Test func missingVersion() throws {
        let error = try error(in: "channels.json", #"{"channels": []}"#)
        #expect(error == ReferenceDataError(file: "channels.json", key: "version", message: "required field is missing"))
    }

    @Test func unsupportedVersion() throws {
        let error = try error(in: "channels.json", #"{"version": 2, "channels": []}"#)
        #expect(error.key == "version")
        #expect(error.message == "unsupported version 2 (this desk reads version 1)")
    }

    @Test func emptyList() throws {
        let error = try error(in: "channels.json", #"{"version": 1, "channels": []}"#)
        #expect(error == ReferenceDataError(file: "channels.json", key: "channels", message: "has no entries"))
    }

    @Test func unknownField() throws {
        let error = try error(in: "countries.json", #"{"version": 1, "countries": [{"code": "DE", "name": "Germany", "budapst": true}]}"#)
        #expect(error.key == "countries[0].budapst")
        #expect(error.message.hasPrefix("unknown field"))
    }

    @Test func unknownUrgency() throws {
        let error = try error(in: "urgencies.json", """
            {"version": 1, "urgencies": [{"id": "critical", "label": "Critical", "description": "Now."}]}
            """)
        #expect(error.key == "urgencies[0].id")
        #expect(error.message == "'critical' is not an urgency (routine, urgent, emergency)")
    }

    @Test func missingUrgency() throws {
        let error = try error(in: "urgencies.json", """
            {"version": 1, "urgencies": [{"id": "routine", "label": "Routine", "description": "Normal."},
             {"id": "urgent", "label": "Urgent", "description": "Soon."}]}
            """)
        #expect(error.key == "urgencies")
        #expect(error.message.hasPrefix("missing 'emergency'"))
    }

    @Test func firstFileInOrderIsReported() throws {
        var files = try ReferenceFixtures.shippedFiles()
        files["refusal_grounds.json"] = nil
        files["instruments.json"] = Data("[".utf8)
        #expect(ReferenceFixtures.decodeError(files)?.file == "instruments.json")
    }
}
