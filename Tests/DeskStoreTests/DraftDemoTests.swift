import DeskCore
import DeskStore
import DeskTestSupport
import Foundation
import Testing

@Suite("Drafting on generated demo requests")
struct DraftDemoTests {
    @Test("Every template fits some demo request and renders it; every gap is listed and marked")
    func demo() throws {
        let library = try TemplateLibrary.load(from: TemplateLibrary.folder(inDataFolder: Fixtures.dataDirectory),
                                               reference: Fixtures.reference)
        let generator = DemoGenerator(seed: 42, reference: Fixtures.reference, now: Fixtures.today)
        var rendered: [String: Int] = [:]
        var complete: [String: Int] = [:]
        var gaps: [String: Set<String>] = [:]
        for index in 0..<400 {
            let details = generator.request(at: index)
            for template in library.fitting(details.request) {
                let draft = library.draft(template, for: details, reference: Fixtures.reference, officer: "Ana Müller",
                                          now: Fixtures.today)
                rendered[template.name, default: 0] += 1
                if draft.isComplete { complete[template.name, default: 0] += 1 }
                gaps[template.name, default: []].formUnion(draft.missing)
                #expect(!draft.text.contains("{{"))
                #expect(draft.text.contains(details.request.reference.description))
                for field in draft.missing {
                    // A missing list shows as one entry whose fields are markers (`[MISSING: evidence.sha256]`).
                    #expect(draft.text.contains(DraftGaps.marker(field)) || draft.text.contains("[MISSING: \(field)."),
                            "\(template.name) on \(details.request.reference): \(field) is not marked")
                }
            }
        }
        #expect(Set(rendered.keys) == Set(library.templates.map(\.name)), "\(rendered)")
        // Demo clarification steps carry no note, and only the officer can write what is needed.
        #expect(gaps["additional_information"] == ["information_needed"])
        #expect(Set(complete.keys) == Set(library.templates.map(\.name)).subtracting(["additional_information"]),
                "complete drafts: \(complete) of \(rendered)")
    }
}
