import DeskApp
import DeskCore
import DeskStore
import DeskTestSupport
import Foundation
import Testing
import TermUI

@Suite struct DraftViewerTests {
    static let templates: TemplateLibrary = {
        do {
            return try TemplateLibrary.load(from: TemplateLibrary.folder(inDataFolder: DeskFixtures.dataDirectory),
                                            reference: DeskFixtures.reference)
        } catch {
            fatalError("the shipped templates do not load: \(error)")
        }
    }()

    /// The fixture request open on its summary, with the templates loaded.
    static func detail(width: Int = 80, height: Int = 24) -> DeskDriver {
        var desk = DeskDriver(width: width, height: height, templates: templates)
        let request = DeskFixtures.request()
        RequestFormTests.openRecent(&desk, request)
        desk.send(.detailsLoaded(RequestDetails(request: request), audit: [], purpose: .view))
        return desk
    }

    static func picker(_ desk: DeskDriver) -> TemplatePickerState? {
        if case .templates(let picker) = desk.state.dialog { return picker }
        return nil
    }

    /// The preservation request drafted from the detail page.
    static func viewer(width: Int = 80, height: Int = 24) -> DeskDriver {
        var desk = detail(width: width, height: height)
        desk.press(.char("d"))
        while let chosen = picker(desk)?.chosen, chosen.name != "preservation_request" { desk.press(.key(.down)) }
        desk.press(.key(.enter))
        return desk
    }

    @Test func dOffersOnlyTheTemplatesThatFit() {
        var desk = Self.detail()
        desk.press(.char("d"))
        let offered = Self.picker(desk)?.templates.map(\.name)
        #expect(offered == Self.templates.fitting(DeskFixtures.request()).map(\.name))
        #expect(offered?.contains("preservation_request") == true)
        #expect(offered?.contains("acknowledgement") == false)
        desk.press(.key(.escape))
        #expect(desk.state.dialog == nil)
    }

    @Test func fromTheListDLoadsTheRequestFirst() {
        var desk = ScreenTests.listDesk(width: 80, height: 24)
        let effects = desk.press(.char("d"))
        #expect(effects == [.loadDetails(DeskFixtures.request(sequence: 1).id, purpose: .draft)])
    }

    @Test func withoutTemplatesTheMessageLineSaysSo() {
        var desk = RequestFormTests.detailOfFixture()
        desk.press(.char("d"))
        #expect(desk.state.dialog == nil)
        #expect(desk.state.message == .error("No document templates were loaded, so drafting is not available."))
    }

    @Test func theViewerShowsTheDraftListsWhatIsMissingAndScrolls() {
        var desk = Self.viewer()
        #expect(desk.state.page == .draft)
        let draft = try! #require(desk.state.draft?.draft)
        #expect(draft.template.name == "preservation_request")
        #expect(!draft.missing.isEmpty)
        let screen = desk.render()
        #expect(screen.contains("Missing \(draft.missing.count) field"))
        assertRole(screen, of: "[MISSING: ", is: .warning)
        desk.press(.char("j"), .char("j"))
        #expect(desk.state.draft?.scroll == 2)
        desk.press(.key(.pageDown), .key(.pageDown), .key(.pageDown), .key(.pageDown), .key(.pageDown))
        let bottom = desk.state.draft?.scroll ?? 0
        desk.press(.char("j"))
        #expect(desk.state.draft?.scroll == bottom)
        desk.press(.key(.escape))
        #expect(desk.state.page == .detail)
        #expect(desk.state.draft == nil)
    }

    @Test func wAsksForTheFileAndWritesTheWholeDraft() {
        var desk = Self.viewer()
        #expect(desk.press(.char("w")).isEmpty)
        guard case .prompt(let prompt) = desk.state.dialog else {
            Issue.record("expected the file name dialog")
            return
        }
        #expect(prompt.field.text == "OUT-2026-0007-preservation_request.txt")
        #expect(prompt.title == "Write the draft with 4 missing fields", "the command line wants --force for this")
        #expect(desk.render().lines().joined(separator: " ").contains("This draft lacks 4 fields, marked [MISSING: …] in it"))
        desk.press(.ctrl("u"))
        #expect(desk.press(.key(.enter)).isEmpty)
        desk.type("letters/art29.txt")
        let effects = desk.press(.key(.enter))
        let order = DraftWriteOrder(requestID: DeskFixtures.request().id, reference: "OUT-2026-0007",
                                    template: "preservation_request", path: "letters/art29.txt",
                                    text: desk.state.draft?.draft.text ?? "")
        #expect(effects == [.writeDraft(order)])
        #expect(desk.send(.draftWritten(order)) == [.loadDetails(DeskFixtures.request().id, purpose: .view)],
                "the request under the viewer is read again: its history shows the draft on return")
        #expect(desk.state.page == .draft)
        #expect(desk.state.message?.text.hasPrefix("Wrote the preservation_request draft of OUT-2026-0007 to letters/art29.txt") == true)
        desk.press(.char("w"))
        if case .prompt(let again) = desk.state.dialog {
            #expect(again.field.text == "OUT-2026-0007-preservation_request-2.txt", "the name offered next is not one already taken")
        } else {
            Issue.record("expected the file name dialog again")
        }
        desk.press(.key(.escape))
        desk.send(.failed(.writeFailed("letters/art29.txt already exists and was left as it was"), during: .draftWrite))
        #expect(desk.state.message == .error("Nothing was saved: letters/art29.txt already exists and was left as it was."))
    }

    /// A name that is taken asks again, with the name as typed and why.
    @Test func aRefusedFileNameIsAskedForAgain() {
        var desk = Self.viewer()
        desk.press(.char("w"), .ctrl("u"))
        desk.type("letters/art29.txt")
        #expect(desk.press(.key(.enter)).count == 1)
        desk.send(.failed(.writeFailed("letters/art29.txt already exists and was left as it was"), during: .draftWrite))
        guard case .prompt(let prompt) = desk.state.dialog else {
            Issue.record("expected the file name dialog again")
            return
        }
        #expect(prompt.field.text == "letters/art29.txt")
        #expect(prompt.error == "Nothing was saved: letters/art29.txt already exists and was left as it was.")
        #expect(desk.render().lines().joined().contains("already exists"))
    }

    @Test func draftViewerAt80x24() {
        assertScreen(Self.viewer().render(), equals: [
            " MLA Desk · Draft                                       anna · 2026-03-14 09:30",
            " OUT-2026-0007 · Request for expedited preservation (Budapest Conv…  1–18 of 65",
            " Missing 4 fields: channel, identifiers, service_providers, confidentiality",
            "",
            " REQUEST FOR EXPEDITED PRESERVATION OF STORED COMPUTER DATA",
            " (Article 29 of the Convention on Cybercrime, ETS No. 185)",
            "",
            " Our reference:   OUT-2026-0007",
            " Date:            2026-03-14",
            " From:            Staatsanwaltschaft Köln",
            " To:              東京地方検察庁, Japan",
            " Channel:         [MISSING: channel]",
            " Urgency:         Urgent",
            "",
            " Pursuant to the Convention on Cybercrime (ETS No. 185, Budapest, 2001),",
            " Article 29, we request the expedited preservation of the stored",
            " computer data described below, pending the submission of a request for mutual",
            " assistance",
            " for their search or similar access, seizure or similar securing, or",
            " disclosure.",
            "",
            " 1. Authority seeking the preservation",
            "",
            "w Write file  Esc Back  ? Help  q Quit",
        ])
    }

    @Test func draftViewerAt120x40() {
        assertScreen(Self.viewer(width: 120, height: 40).render(), equals: [
            " MLA Desk · Draft                                                                               anna · 2026-03-14 09:30",
            " OUT-2026-0007 · Request for expedited preservation (Budapest Convention, Art. 29)                           1–34 of 54",
            " Missing 4 fields: channel, identifiers, service_providers, confidentiality",
            "",
            " REQUEST FOR EXPEDITED PRESERVATION OF STORED COMPUTER DATA",
            " (Article 29 of the Convention on Cybercrime, ETS No. 185)",
            "",
            " Our reference:   OUT-2026-0007",
            " Date:            2026-03-14",
            " From:            Staatsanwaltschaft Köln",
            " To:              東京地方検察庁, Japan",
            " Channel:         [MISSING: channel]",
            " Urgency:         Urgent",
            "",
            " Pursuant to the Convention on Cybercrime (ETS No. 185, Budapest, 2001), Article 29, we request the expedited",
            " preservation of the stored",
            " computer data described below, pending the submission of a request for mutual assistance",
            " for their search or similar access, seizure or similar securing, or disclosure.",
            "",
            " 1. Authority seeking the preservation",
            "    Staatsanwaltschaft Köln",
            "    Officer in charge: anna (please quote reference OUT-2026-0007)",
            "",
            " 2. Offences and brief summary of the facts",
            "    Offences: Ransomware",
            "    Ransomware \u{FFFD}[2J attack on a hospital; café é \u{FFFD}evil",
            "",
            " 3. Stored computer data to be preserved and their relationship to the offences",
            "    Preserve the server logs.",
            "    Identifiers:",
            "    - [MISSING: identifiers.kind]: [MISSING: identifiers.value], observed at [MISSING: identifiers.observed_at] (time",
            " zone as logged: [MISSING: identifiers.time_zone]), source port [MISSING: identifiers.port]",
            "",
            " 4. Custodian of the data or location of the computer system",
            "    - [MISSING: service_providers.name]",
            "",
            " 5. Necessity of the preservation",
            "    The data are held by a service provider and may be deleted or overwritten in the",
            "",
            "w Write file  Esc Back  ? Help  q Quit",
        ])
    }
}
