import DeskCore
import DeskTestSupport
import Foundation
import Testing

@Suite("The templates index is read strictly")
struct TemplateIndexTests {
    static let entry = """
        {"name": "letter", "title": "Letter", "file": "letter.mustache", "format": "text", "directions": ["out"], "types": ["preservation"], "statuses": ["draft"]}
        """

    func index(_ entries: String) -> Data {
        Data(#"{"version": 1, "templates": [\#(entries)]}"#.utf8)
    }

    @Test("A valid index decodes")
    func valid() throws {
        let index = try TemplateIndex.decode(index(Self.entry), reference: Fixtures.reference)
        #expect(index.templates == [DraftTemplate(name: "letter", title: "Letter", file: "letter.mustache", format: .text,
                                                  directions: [.outgoing], types: ["preservation"], statuses: [.draft])])
    }

    @Test("Each fault names the file and the key", arguments: [
        (#"{"version": 2, "templates": []}"#, "version", "must be 1"),
        (#"{"version": 1, "templates": [], "extra": 1}"#, "extra", "unknown key"),
        (#"{"version": 1, "templates": []}"#, "templates", "non-empty"),
        (#"{"version": 1, "templates": [{"title": "T", "file": "a.mustache", "format": "text", "directions": ["in"]}]}"#, "templates[0].name", "required"),
        (#"{"version": 1, "templates": [{"name": "Bad Name", "title": "T", "file": "a.mustache", "format": "text", "directions": ["in"]}]}"#, "templates[0].name", "lower-case"),
        (#"{"version": 1, "templates": [{"name": "a", "title": "T", "file": "../a.mustache", "format": "text", "directions": ["in"]}]}"#, "templates[0].file", "plain file name"),
        (#"{"version": 1, "templates": [{"name": "a", "title": "T", "file": "a.mustache", "format": "pdf", "directions": ["in"]}]}"#, "templates[0].format", "'pdf'"),
        (#"{"version": 1, "templates": [{"name": "a", "title": "T", "file": "a.mustache", "format": "text", "directions": ["sideways"]}]}"#, "templates[0].directions[0]", "not a direction"),
        (#"{"version": 1, "templates": [{"name": "a", "title": "T", "file": "a.mustache", "format": "text", "directions": ["in"], "types": ["teleportation"]}]}"#, "templates[0].types[0]", "not a request type"),
        (#"{"version": 1, "templates": [{"name": "a", "title": "T", "file": "a.mustache", "format": "text", "directions": ["in"], "statuses": ["draft"]}]}"#, "templates[0].statuses[0]", "not a status of in requests"),
        (#"{"version": 1, "templates": [{"name": "a", "title": "T", "file": "a.mustache", "format": "text", "directions": ["in"], "colour": "red"}]}"#, "templates[0].colour", "unknown key"),
        ("{\"version\": 1, \"templates\": [\(entry), \(entry)]}", "templates[1].name", "duplicate 'letter' (first at templates[0])"),
    ])
    func faults(json: String, key: String, message: String) {
        #expect {
            try TemplateIndex.decode(Data(json.utf8), file: "/desk/templates/templates.json", reference: Fixtures.reference)
        } throws: { error in
            guard let error = error as? ReferenceDataError else { return false }
            return error.file == "/desk/templates/templates.json" && error.key == key && error.message.contains(message)
                && error.description.hasPrefix("/desk/templates/templates.json: \(key): ")
        }
    }

    @Test("Text that is not JSON is refused as a whole file")
    func notJSON() {
        #expect(throws: ReferenceDataError(file: "t.json", message: "is not valid JSON")) {
            try TemplateIndex.decode(Data("{nope".utf8), file: "t.json")
        }
    }
}
