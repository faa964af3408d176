import DeskCore
import DeskStore
import DeskTestSupport
import Foundation
import Testing

@Suite("Drafting documents from the shipped templates")
struct DraftTemplateTests {
    let library: TemplateLibrary

    init() throws {
        library = try TemplateLibrary.load(from: TemplateLibrary.folder(inDataFolder: Fixtures.dataDirectory),
                                           reference: Fixtures.reference)
    }

    func draft(_ name: String, _ details: RequestDetails) throws -> Draft {
        let template = try #require(library.template(named: name))
        return library.draft(template, for: details, reference: Fixtures.reference, officer: "Ana Müller",
                             now: Fixtures.today, timeZone: TimeZone(identifier: "UTC")!)
    }

    @Test("The index lists the seven documents, each fitting its demo request")
    func indexFits() throws {
        #expect(Set(library.templates.map(\.name)) == Set(DraftFixtures.byTemplate.keys))
        for (name, details) in DraftFixtures.byTemplate {
            #expect(library.fitting(details.request).map(\.name).contains(name), "\(name)")
        }
        #expect(!library.fitting(DraftFixtures.outgoing().request).contains { $0.name == "acknowledgement" })
        #expect(!library.fitting(DraftFixtures.outgoing().request).contains { $0.name == "preservation_request" })
    }

    @Test("The follow-up says how long ago the request went out in words that agree with the number")
    func followUpCountsDays() throws {
        var details = try #require(DraftFixtures.byTemplate["follow_up"])
        for (sent, words) in [(-3_600.0, "Less than a day has passed since"), (-86_400 - 60, "1 day has passed since"),
                              (-12 * 86_400 - 60, "12 days have passed since")] {
            details.request.dates.sentOrReceived = Fixtures.today.addingTimeInterval(sent)
            #expect(try draft("follow_up", details).text.contains(words), "\(words)")
        }
    }

    @Test("Every template renders on demo data with nothing missing and no markers", arguments: [
        "mla_request", "preservation_request", "acknowledgement", "additional_information", "refusal_postponement",
        "follow_up", "evidence_transmittal",
    ])
    func rendersComplete(name: String) throws {
        let details = try #require(DraftFixtures.byTemplate[name])
        let result = try draft(name, details)
        #expect(result.missing == [], "\(name): \(result.missing)")
        #expect(!result.text.contains("[MISSING"))
        #expect(!result.text.contains("{{"))
        #expect(!result.text.hasPrefix("\n"), "comment and pragma lines leave no blank line")
        #expect(result.text.contains(details.request.reference.description))
        #expect(result.text.contains("Ana Müller"))
        #expect(!result.text.contains("&#39;") && !result.text.contains("&amp;"), "text must not be HTML-escaped")
    }

    @Test("Letters quote the request: legal basis with articles, identifiers with time, zone and port, hashes")
    func quotesTheRequest() throws {
        let letter = try draft("mla_request", DraftFixtures.outgoing()).text
        #expect(letter.contains("Convention on Cybercrime (ETS No. 185, Budapest, 2001), Articles 25 and 31"))
        #expect(letter.contains("`203.0.113.7`, observed at 2026-11-29 09:00:00 UTC (time zone as logged: UTC), source port 443"))
        #expect(letter.contains("Phishing campaign against customers of a regional bank."))
        let preservation = try draft("preservation_request", DraftFixtures.outgoing(types: ["preservation"])).text
        for item in ["1. Authority seeking", "2. Offences", "3. Stored computer data", "4. Custodian", "5. Necessity",
                     "6. Intention to submit"] {
            #expect(preservation.contains(item), "\(item)")
        }
        #expect(preservation.contains("   - Example Mail GmbH"))
        let note = try draft("evidence_transmittal", DraftFixtures.transmitted()).text
        #expect(note.contains("SHA-256:   " + String(repeating: "ab", count: 32)))
        #expect(note.contains("SHA-256:   " + String(repeating: "0f", count: 32)))
        #expect(note.contains("Transmittal reference:  TX-2026-0044"))
        #expect(note.contains("Limitation of use: Only for proceedings BEPI-2026-0311"))
        let refusal = try draft("refusal_postponement", try #require(DraftFixtures.byTemplate["refusal_postponement"])).text
        #expect(refusal.contains("NOTICE OF REFUSAL") && !refusal.contains("POSTPONEMENT OF"))
        #expect(refusal.contains("Ground of refusal: No dual criminality"))
        #expect(refusal.contains("Reasons: The conduct is not an offence under our law."))
        #expect(refusal.contains("Bureau de l'entraide"))
    }

    @Test("Missing data is listed by field name and marked in the text, never left blank")
    func missingFields() throws {
        var details = DraftFixtures.outgoing(types: ["preservation"])
        details.request.serviceProviders = []
        details.request.confidentiality = ""
        details.request.identifiers[0].port = nil
        let result = try draft("preservation_request", details)
        #expect(result.missing == ["identifiers.port", "service_providers", "confidentiality"])
        #expect(result.text.contains("source port [MISSING: identifiers.port]"))
        #expect(result.text.contains("[MISSING: service_providers.name]"))
        #expect(result.text.contains("Confidentiality: [MISSING: confidentiality]"))

        let postponed = DraftFixtures.incoming(status: .postponed)
        let notice = try draft("refusal_postponement", postponed)
        #expect(notice.missing == ["postponement_reason"])
        #expect(notice.text.contains("Reasons for the postponement: [MISSING: postponement_reason]"))
        #expect(!notice.text.contains("Ground of refusal"))

        let nothingSent = try draft("evidence_transmittal", DraftFixtures.incoming(status: .inExecution))
        #expect(nothingSent.missing.starts(with: ["transmittal_reference", "transmittal_date"]))
        #expect(nothingSent.missing.contains("evidence"))
    }

    /// Reciprocity rests on no treaty, so there is no article to cite: the letter says what it
    /// rests on and lists none, instead of wanting one.
    @Test("A legal basis without articles needs none in the letter")
    func basisWithoutArticles() throws {
        var details = DraftFixtures.outgoing()
        details.request.legalBasis = LegalBasis(instrument: "reciprocity", articles: "")
        let letter = try draft("mla_request", details)
        #expect(!letter.missing.contains { $0.hasPrefix("article_list") }, "\(letter.missing)")
        #expect(letter.text.contains("made under the Principle of reciprocity and international comity (letters rogatory)."))
        #expect(!letter.text.contains("- Article"))
    }

    @Test("Recording a draft adds one audited history row and keeps the desk verifiable")
    func recordDraft() throws {
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        let details = DraftFixtures.outgoing()
        try store.insert([details], action: "import")
        try store.recordDraft(requestID: details.request.id, template: "mla_request", file: "letters/../letter.md",
                              contents: Data("abc".utf8))
        let last = try #require(try store.audit(requestID: details.request.id).last)
        #expect(last.action == "draft")
        let here = FileManager.default.currentDirectoryPath
        #expect(last.detail == "drafted mla_request → \((here as NSString).appendingPathComponent("letter.md")) (sha256 ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad)",
                "the whole path and the hash of what was written")
        #expect(last.officer == "Ana Müller")
        #expect(try store.verify().isSound)
        #expect(throws: DeskError.self) { try store.recordDraft(requestID: UUID(), template: "x", file: "y", contents: Data()) }
    }
}
