import DeskCore
import Foundation
import Testing

@Suite("Template outlines, gaps and markers")
struct DraftOutlineTests {
    @Test("Tags become variables and nested sections; comments and pragmas are skipped")
    func parses() throws {
        let outline = try TemplateOutline.parse("""
            {{! a comment }}{{% CONTENT_TYPE: TEXT }}Dear {{ name }},
            {{#items}}- {{{value}}} {{&note}}{{/items}}{{^items}}none{{/items}}
            """)
        #expect(outline.nodes == [
            .variable("name"),
            .section("items", inverted: false, children: [.variable("value"), .variable("note")]),
            .section("items", inverted: true, children: []),
        ])
        #expect(outline.fieldNames == ["name", "items", "value", "note"])
        #expect(outline.invertedNames == ["items"])
    }

    @Test("Broken templates are refused with the line of the fault", arguments: [
        ("a\n{{#x}}\nb", 2, "never closed"),
        ("{{#x}}{{/y}}", 1, "does not close"),
        ("a\nb\n{{> partial}}", 3, "not supported"),
        ("{{=<% %>=}}", 1, "not supported"),
        ("{{name", 1, "never closed"),
        ("{{bad name}}", 1, "not a field name"),
    ])
    func refuses(text: String, line: Int, message: String) {
        #expect {
            try TemplateOutline.parse(text)
        } throws: { error in
            guard let error = error as? TemplateOutline.SyntaxError else { return false }
            return error.line == line && error.message.contains(message)
        }
    }

    @Test("Gaps follow rendering: switched-off passages are skipped, list records are checked one by one")
    func gaps() throws {
        let outline = try TemplateOutline.parse("""
            {{reference}} {{facts}}
            {{#foreign}}Your ref {{foreign}} {{unused_inside}}{{/foreign}}
            {{#urgent}}Reply by {{due}}{{/urgent}}
            {{#items}}{{number}}. {{sha256}}{{/items}}
            {{#providers}}{{name}}{{#title}}: {{title}}{{/title}}{{/providers}}
            {{#optional_list}}{{x}}{{/optional_list}}{{^optional_list}}none{{/optional_list}}
            {{typo}}
            """)
        let context = DraftContext([
            "reference": .text("OUT-2026-0001"), "facts": .text("  "), "foreign": .text(""), "urgent": .flag(true),
            "due": .text(""),
            "items": .list([DraftContext(["number": .text("1"), "sha256": .text("ab")]),
                            DraftContext(["number": .text("2"), "sha256": .text("")])]),
            "providers": .list([]), "optional_list": .list([]),
        ])
        let (missing, marked) = DraftGaps.analyse(outline, context)
        #expect(missing == ["facts", "due", "items.sha256", "providers", "typo"])
        #expect(marked.text("facts") == "[MISSING: facts]")
        #expect(marked.text("due") == "[MISSING: due]")
        #expect(marked.list("items")[1].text("sha256") == "[MISSING: items.sha256]")
        #expect(marked.list("items")[0].text("sha256") == "ab")
        #expect(marked.list("providers") == [DraftContext(["name": .text("[MISSING: providers.name]"),
                                                           "title": .text("[MISSING: providers.title]")])],
                "a field of a missing record shown through its own section reads as the field, once")
        #expect(marked.text("typo") == "[MISSING: typo]")
        #expect(marked.text("foreign") == "")
        #expect(DraftGaps.missing(in: outline, context: marked) == [])
    }

    @Test("A template fits by direction, any listed type and status")
    func fits() {
        let template = DraftTemplate(name: "p", title: "P", file: "p.mustache", format: .text, directions: [.outgoing],
                                     types: ["preservation"], statuses: [.draft])
        let request = Request(reference: RequestReference(direction: .outgoing, year: 2026, sequence: 1), counterpartCountry: "DE",
                              legalBasis: LegalBasis(instrument: "budapest"), types: ["subscriber_info", "preservation"],
                              dates: KeyDates(created: Date()))
        #expect(template.fits(request))
        var other = request
        other.types = ["subscriber_info"]
        #expect(!template.fits(other))
        other = request
        other.status = .approved
        #expect(!template.fits(other))
    }
}
