import DeskApp
import DeskCore
import DeskStore
import DeskTestSupport
import Foundation
import Testing
import TermUI

@Suite struct RequestFormTests {
    /// A desk with the detail page of the fixture request open.
    static func detailOfFixture() -> DeskDriver {
        var desk = DeskDriver()
        openRecent(&desk, DeskFixtures.request())
        desk.send(.detailsLoaded(RequestDetails(request: DeskFixtures.request()), audit: [], purpose: .view))
        return desk
    }

    /// Opens `request` from the desk's "Recently changed" lines, wherever they sit on the page.
    static func openRecent(_ desk: inout DeskDriver, _ request: Request) {
        let overview = DeskOverview(recentlyChanged: [DeskFixtures.summary(request)])
        desk.send(.overviewLoaded(overview))
        let lines = HomeScreen.lines(overview, context: desk.state.context).filter { !$0.isHeading }
        let index = lines.firstIndex { $0.target == .request(id: request.id, reference: request.reference.description) } ?? 0
        for _ in 0..<index { desk.press(.key(.down)) }
        desk.press(.key(.enter))
        #expect(desk.state.page == .detail)
    }

    static func focus(_ desk: inout DeskDriver, on field: RequestField) {
        while let focused = desk.state.form?.focusedField?.id, focused != field { desk.press(.key(.tab)) }
    }

    @Test func newFormStartsCleanAndShowsNoErrorsBeforeAFieldIsLeft() {
        var desk = DeskDriver()
        desk.press(.char("n"))
        #expect(desk.state.page == .form)
        let form = desk.state.form!
        #expect(form.original == nil)
        #expect(!form.isDirty)
        #expect(form.errors.isEmpty)
        #expect(form.focusedField?.id == .direction)
    }

    @Test func leavingAFieldValidatesItButNeverBlocksMoving() {
        var desk = DeskDriver()
        desk.press(.char("n"), .key(.tab))
        #expect(desk.state.form?.focusedField?.id == .counterpartCountry)
        desk.press(.key(.tab))
        #expect(desk.state.form?.focusedField?.id == .counterpartAuthority)
        #expect(desk.state.form?.errors[.counterpartCountry] == "choose the requested or requesting state")
        #expect(desk.state.form?.errors[.instrument] == nil, "fields not visited yet stay quiet")
        desk.press(.key(.backTab), .key(.backTab))
        #expect(desk.state.form?.focusedField?.id == .direction)
    }

    @Test func countryTypeAheadFindsByCodeOrName() {
        var desk = DeskDriver()
        desk.press(.char("n"), .key(.tab))
        desk.type("japan")
        desk.press(.key(.enter))
        #expect(desk.state.form?.value(.counterpartCountry)?.selected == ["JP"])
        #expect(desk.state.form?.focusedField?.id == .counterpartAuthority, "Enter picks and moves on")
        desk.press(.key(.backTab))
        desk.type("de")
        desk.press(.char(" "))
        #expect(desk.state.form?.value(.counterpartCountry)?.selected == ["DE"])
    }

    @Test func textGoesIntoFieldsEvenWhenItLooksLikeAKey() {
        var desk = DeskDriver()
        desk.press(.char("n"))
        Self.focus(&desk, on: .operation)
        desk.type("q?/n東京")
        #expect(desk.state.form?.value(.operation)?.text == "q?/n東京")
        #expect(desk.state.isFinished == false)
        #expect(desk.state.page == .form)
    }

    @Test func dateFieldsTakeTodayAndShiftByADay() {
        var desk = DeskDriver()
        desk.press(.char("n"))
        Self.focus(&desk, on: .due)
        desk.press(.char("t"))
        #expect(desk.state.form?.value(.due)?.text == "2026-03-14")
        desk.press(.char("+"), .char("+"))
        #expect(desk.state.form?.value(.due)?.text == "2026-03-16")
        desk.press(.char("-"))
        #expect(desk.state.form?.value(.due)?.text == "2026-03-15")
        desk.press(.ctrl("u"))
        desk.type("2026-02-30")
        desk.press(.key(.tab))
        #expect(desk.state.form?.errors[.due]?.contains("is not a date") == true)
        desk.press(.key(.backTab))
        #expect(desk.state.form?.focusedField?.id == .due)
        desk.press(.char("t"))
        #expect(desk.state.form?.value(.due)?.text == "2026-03-14", "t is today over a date that is not one, too")
    }

    @Test func upAndDownMoveInsideATextAreaAndLeaveItAtTheEdges() {
        var desk = DeskDriver()
        desk.press(.char("n"))
        Self.focus(&desk, on: .summaryOfFacts)
        desk.type("one")
        desk.press(.key(.enter))
        desk.type("two")
        desk.press(.key(.up))
        #expect(desk.state.form?.focusedField?.id == .summaryOfFacts)
        desk.press(.key(.up))
        #expect(desk.state.form?.focusedField?.id == .completed)
        #expect(desk.state.form?.value(.summaryOfFacts)?.text == "one\ntwo")
    }

    @Test func saveWithErrorsShowsThemAllAndFocusesTheFirst() {
        var desk = DeskDriver()
        desk.press(.char("n"))
        Self.focus(&desk, on: .notes)
        let effects = desk.press(.ctrl("s"))
        #expect(effects.isEmpty)
        let form = desk.state.form!
        #expect(form.focusedField?.id == .counterpartCountry)
        #expect(Set(form.errors.keys) == [.counterpartCountry, .instrument, .types])
        #expect(desk.state.message?.text == "Not saved: 3 fields need attention (Country, Legal basis, Request types).")
    }

    @Test func aValidNewRequestIsCreatedOnF2() {
        var desk = DeskDriver()
        desk.press(.char("n"), .key(.tab))
        desk.type("JP")
        desk.press(.key(.enter), .key(.tab), .key(.tab), .key(.tab))
        #expect(desk.state.form?.focusedField?.id == .instrument)
        desk.type("budapest")
        desk.press(.key(.enter), .key(.tab))
        desk.type("preserv")
        desk.press(.char(" "))
        let effects = desk.press(.key(.f(2)))
        guard case .create(let request) = effects.first else {
            Issue.record("expected a create effect, got \(effects); message: \(String(describing: desk.state.message))")
            return
        }
        #expect(request.direction == .outgoing)
        #expect(request.counterpartCountry == "JP")
        #expect(request.types == ["preservation"])
        #expect(request.assignedOfficer == "anna")
        #expect(desk.press(.key(.f(2))).isEmpty, "a second save while the first is on its way sends nothing")
    }

    @Test func editingSavesTheChangedRequestAndReturnsToItsDetail() {
        var desk = Self.detailOfFixture()
        desk.press(.char("e"))
        #expect(desk.state.form?.title == "Edit OUT-2026-0007")
        Self.focus(&desk, on: .operation)
        desk.press(.ctrl("u"))
        desk.type("OP-KESTREL")
        #expect(desk.state.form?.isDirty == true)
        let effects = desk.press(.ctrl("s"))
        guard case .save(let request) = effects.first else {
            Issue.record("expected a save effect, got \(effects)")
            return
        }
        #expect(request.operation == "OP-KESTREL")
        #expect(request.version == 1)
        var saved = request
        saved.version = 2
        let after = desk.send(.saved(saved))
        #expect(desk.state.page == .detail)
        #expect(desk.state.form == nil)
        #expect(after == [.loadDetails(request.id, purpose: .view)])
        #expect(desk.state.message?.text == "Saved OUT-2026-0007.")
    }

    @Test(arguments: [("29, 35", "Art. 29, 35"), ("Art. 29, 35", "Art. 29, 35"), ("Article 16", "Article 16")])
    func theSummaryNamesArticlesOnce(typed: String, shown: String) {
        var request = DeskFixtures.request()
        request.legalBasis.articles = typed
        var desk = DeskDriver(width: 120, height: 40)
        Self.openRecent(&desk, request)
        desk.send(.detailsLoaded(RequestDetails(request: request), audit: [], purpose: .view))
        let screen = desk.render().lines().joined(separator: "\n")
        #expect(screen.contains("(ETS No. 185, Budapest, 2001), \(shown)"), "\(screen)")
        #expect(!screen.contains("Art. Art") && !screen.contains("Art. Article"))
    }

    @Test func identifiersAreTypedOneALineWithTheirMomentZoneAndPort() throws {
        let context = DeskContext(reference: DeskFixtures.reference, officer: "anna", timeZone: DeskFixtures.utc)
        var form = RequestFormState(editing: DeskFixtures.request(), context: context)
        form.setValue(.area(TextAreaState("""
            ip 203.0.113.7 2026-11-02 08:15:30 Europe/Berlin port 443
              e-mail   kmj@example.jp

            ip_address 2001:db8::1 2026-11-02 07:00
            """)), for: .identifiers)
        let read = RequestDraft.request(from: form, context: context, now: DeskFixtures.now)
        #expect(read.problems.isEmpty, "\(read.problems)")
        #expect(read.request.identifiers == [
            Identifier(kind: .ipAddress, value: "203.0.113.7", observedAt: Date(timeIntervalSince1970: 1_793_603_730),
                       timeZone: "Europe/Berlin", port: 443),
            Identifier(kind: .email, value: "kmj@example.jp"),
            Identifier(kind: .ipAddress, value: "2001:db8::1", observedAt: Date(timeIntervalSince1970: 1_793_602_800)),
        ])

        form.setValue(.area(TextAreaState("domain example.com\nip 203.0.113.9 08:15\nphone +81 3 1234\nfax 1")), for: .identifiers)
        let problems = RequestDraft.request(from: form, context: context, now: DeskFixtures.now).problems.map(\.message)
        #expect(problems == [
            "line 2: a time needs its day (YYYY-MM-DD HH:MM)",
            "line 4: 'fax' is not a kind of identifier; use account, email, ip_address, domain, url, wallet, phone, imei, other",
        ])
        form.setValue(.area(TextAreaState("phone +30 210 1234567 2026-11-02 08:15 port 5060")), for: .identifiers)
        #expect(RequestDraft.request(from: form, context: context, now: DeskFixtures.now).request.identifiers.map(\.value)
            == ["+30 210 1234567"], "a number written in groups is one value")
    }

    /// For an address many subscribers share, an hour's error names the wrong one: a local time
    /// the clocks passed twice, or skipped, is not guessed.
    @Test func aLocalTimeTheClocksPassedTwiceOrSkippedIsRefused() {
        let context = DeskContext(reference: DeskFixtures.reference, officer: "anna", timeZone: DeskFixtures.utc)
        var form = RequestFormState(editing: DeskFixtures.request(), context: context)
        form.setValue(.area(TextAreaState("""
            ip 203.0.113.7 2025-10-26 02:30 Europe/Berlin port 443
            ip 203.0.113.8 2025-03-30 02:30 Europe/Berlin port 443
            ip 203.0.113.9 2025-10-26 03:30 Europe/Berlin port 443
            """)), for: .identifiers)
        let read = RequestDraft.request(from: form, context: context, now: DeskFixtures.now)
        #expect(read.problems.map(\.message) == [
            "line 1: 2025-10-26 02:30 happens twice in Europe/Berlin: the clocks went back then; give the time in UTC as the log gives it",
            "line 2: 2025-03-30 02:30 does not exist in Europe/Berlin: the clocks went forward then; give the time in UTC as the log gives it",
        ])
    }

    /// An error as long as the identifiers' is wrapped under its field, not cut at the edge.
    @Test func aLongFieldErrorIsShownWhole() {
        var desk = Self.detailOfFixture()
        desk.press(.char("e"))
        Self.focus(&desk, on: .identifiers)
        desk.type("fax 12")
        desk.press(.key(.tab))
        let text = desk.render().lines().map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(text.contains("! line 1: 'fax' is not a kind of identifier; use account, email, ip_address, domain, url,")
                    && text.contains("wallet, phone, imei, other"), "\(text)")
    }

    /// An identifier the form showed and the officer left alone is saved as it was stored, though
    /// its line cannot carry milliseconds and its zone is read only as logged.
    @Test func identifiersLeftAloneKeepEveryDetail() {
        var request = DeskFixtures.request()
        request.identifiers = [
            Identifier(kind: .ipAddress, value: "198.51.100.4", observedAt: Date(timeIntervalSince1970: 1_793_603_730.123),
                       timeZone: "Asia/Tokyo", port: 8080),
            Identifier(kind: .account, value: "user_77"),
        ]
        let context = DeskContext(reference: DeskFixtures.reference, officer: "anna", timeZone: DeskFixtures.utc)
        let form = RequestFormState(editing: request, context: context)
        #expect(form.value(.identifiers)?.text == "ip_address 198.51.100.4 2026-11-02 16:15:30 Asia/Tokyo port 8080\naccount user_77")
        let read = RequestDraft.request(from: form, context: context, now: DeskFixtures.now)
        #expect(read.problems.isEmpty)
        #expect(read.request.identifiers == request.identifiers)
    }

    /// The request page names the moment an identifier was seen as the form does: in the zone the
    /// log gave, with its seconds, so the two screens never disagree by the zone's offset.
    @Test func anIdentifierIsSeenInTheZoneItWasLoggedIn() {
        var request = DeskFixtures.request()
        request.identifiers = [
            Identifier(kind: .ipAddress, value: "198.51.100.4", observedAt: Date(timeIntervalSince1970: 1_793_603_730),
                       timeZone: "Asia/Tokyo", port: 8080),
            Identifier(kind: .account, value: "user_77", observedAt: Date(timeIntervalSince1970: 1_793_603_700)),
        ]
        var desk = DeskDriver()
        Self.openRecent(&desk, request)
        desk.send(.detailsLoaded(RequestDetails(request: request), audit: [], purpose: .view))
        desk.press(.char("2"))
        let screen = desk.render().lines().joined(separator: "\n")
        #expect(screen.contains("198.51.100.4  seen 2026-11-02 16:15:30 Asia/Tokyo  port"), "\(screen)")
        #expect(screen.contains("user_77  seen 2026-11-02 07:15\n"), "no zone logged: the desk's own")
    }

    /// The form shows days; a save that leaves a day as it was must keep the stored instant (a
    /// status change stamps the minute), in any time zone the workstation is set to.
    @Test(arguments: ["UTC", "America/New_York", "Asia/Tokyo"])
    func datesLeftAsTheyWereKeepTheirTime(zone: String) throws {
        var request = DeskFixtures.request()
        request.dates.sentOrReceived = DeskFixtures.now.addingTimeInterval(-3 * 86_400 + 83)
        request.dates.acknowledged = DeskFixtures.now.addingTimeInterval(-86_400 + 3_661)
        request.dates.due = DeskFixtures.now.addingTimeInterval(20 * 86_400)
        let context = DeskContext(reference: DeskFixtures.reference, officer: "anna", timeZone: try #require(TimeZone(identifier: zone)))
        var form = RequestFormState(editing: request, context: context)
        let untouched = RequestDraft.request(from: form, context: context, now: DeskFixtures.now)
        #expect(untouched.problems.isEmpty)
        #expect(untouched.request.dates == request.dates)

        form.setValue(.text(TextFieldState("2026-12-24")), for: .due)
        let moved = RequestDraft.request(from: form, context: context, now: DeskFixtures.now).request
        let christmasEve = try #require(context.dates.parseDay("2026-12-24"))
        #expect(moved.dates.due == context.dates.endOfDay(christmasEve), "a due day typed anew runs to that day's end")
        #expect(moved.dates.due.map(context.dates.day) == "2026-12-24")
        #expect(moved.dates.due.map(context.dates.minute) == "2026-12-24 23:59")
        #expect(moved.dates.sentOrReceived == request.dates.sentOrReceived)
    }

    /// The first type is the request's primary type (the list's Type column, its sort): the
    /// choice lists hold their options in reference order, and saving must not impose it.
    @Test func anUntouchedFormGivesTheRequestBackAsStored() throws {
        var request = DeskFixtures.request()
        request.types = ["traffic_data", "subscriber_info"]
        request.offences = ["misuse_of_devices", "illegal_access"]
        request.counterpartAuthority = "Parquet de Paris "
        request.serviceProviders = ["Siam Demo Hosting Co., Ltd.", "  Padded Provider  "]
        request.notes = "First line\r\nsecond line"
        request.summaryOfFacts = "Facts\r\nas imported"
        let context = DeskContext(reference: DeskFixtures.reference, officer: "anna")
        var form = RequestFormState(editing: request, context: context)
        let untouched = RequestDraft.request(from: form, context: context, now: DeskFixtures.now)
        #expect(untouched.problems.isEmpty)
        #expect(untouched.request == request)

        guard case .choice(var types)? = form.value(.types) else { Issue.record("types is a choice"); return }
        types.selected = types.options.map(\.id).filter { ["subscriber_info", "preservation"].contains($0) }
        #expect(types.selected == ["preservation", "subscriber_info"], "the list keeps its own order")
        form.setValue(.choice(types), for: .types)
        form.setValue(.text(TextFieldState("  OP-AVOCET ")), for: .operation)
        let edited = RequestDraft.request(from: form, context: context, now: DeskFixtures.now).request
        #expect(edited.types == ["subscriber_info", "preservation"], "kept in their order, the new one after them")
        #expect(edited.offences == request.offences)
        #expect(edited.operation == "OP-AVOCET", "a one-line field is saved without the spaces around it")
        #expect(edited.counterpartAuthority == "Parquet de Paris ", "a field left as stored is kept as it was")
    }

    @Test func savingAnUntouchedFormSavesNothing() {
        var desk = Self.detailOfFixture()
        desk.press(.char("e"))
        #expect(desk.state.page == .form)
        let effects = desk.press(.ctrl("s"))
        #expect(!effects.contains { if case .save = $0 { true } else { false } }, "no new version for nothing: \(effects)")
        #expect(desk.state.page == .detail)
        #expect(desk.state.message?.text == "No changes to save: OUT-2026-0007 is as it was.")
    }

    @Test func aVersionConflictOffersReloadOrKeepEditing() {
        var desk = Self.detailOfFixture()
        desk.press(.char("e"))
        Self.focus(&desk, on: .operation)
        desk.type("-2")
        desk.press(.ctrl("s"))
        let changedAt = DeskFixtures.day("2026-03-13")
        desk.send(.failed(.versionConflict(reference: "OUT-2026-0007", changedBy: "bruno", changedAt: changedAt),
                          during: .save))
        #expect(desk.state.dialog == .conflict(ConflictInfo(requestID: DeskFixtures.request().id,
                                                            reference: "OUT-2026-0007", changedBy: "bruno",
                                                            changedAt: changedAt)))
        #expect(desk.render().contains("changed by bruno at 2026-03-13 00:00"))
        desk.press(.char("k"))
        #expect(desk.state.dialog == nil)
        #expect(desk.state.form?.value(.operation)?.text == "OP-NIGHTJAR-2", "keep editing keeps the edits")

        desk.press(.ctrl("s"))
        desk.send(.failed(.versionConflict(reference: "OUT-2026-0007", changedBy: "bruno", changedAt: changedAt),
                          during: .save))
        let reload = desk.press(.char("r"))
        #expect(reload == [.loadDetails(DeskFixtures.request().id, purpose: .reloadForm)])
        var stored = DeskFixtures.request(version: 2)
        stored.operation = "OP-BRUNO"
        desk.send(.detailsLoaded(RequestDetails(request: stored), audit: [], purpose: .reloadForm))
        #expect(desk.state.form?.value(.operation)?.text == "OP-BRUNO")
        #expect(desk.state.form?.original?.version == 2)
        #expect(desk.state.form?.isDirty == false)
    }

    @Test func escOnAChangedFormAsksFirst() {
        var desk = Self.detailOfFixture()
        desk.press(.char("e"))
        desk.press(.key(.escape))
        #expect(desk.state.page == .detail, "an unchanged form closes at once")
        desk.press(.char("e"))
        Self.focus(&desk, on: .operation)
        desk.type("x")
        desk.press(.key(.escape))
        #expect(desk.state.dialog == .discard(.leaveForm))
        desk.press(.char("n"))
        #expect(desk.state.dialog == nil)
        #expect(desk.state.page == .form)
        desk.press(.key(.escape), .char("y"))
        #expect(desk.state.page == .detail)
        #expect(desk.state.form == nil)
    }

    /// The terminal hands Ctrl-C to the desk as a key (it reads the keyboard raw): it quits as
    /// Ctrl-Q does, asking first when something would be lost, at once otherwise.
    @Test(arguments: [Character("q"), "c"])
    func quittingWithAChangedFormAsksFirst(_ key: Character) {
        var desk = DeskDriver()
        desk.press(.char("n"))
        Self.focus(&desk, on: .operation)
        desk.type("x")
        #expect(desk.press(.ctrl(key)).isEmpty)
        #expect(desk.state.dialog == .discard(.quit))
        desk.press(.char("n"))
        desk.press(.ctrl(key))
        #expect(desk.press(.char("y")) == [.quit])
        #expect(desk.state.isFinished)
        var home = DeskDriver()
        #expect(home.press(.ctrl(key)) == [.quit], "from a page with nothing to lose, at once")
    }

    @Test func storeProblemsAreShownOnTheirFields() {
        var desk = Self.detailOfFixture()
        desk.press(.char("e"))
        Self.focus(&desk, on: .articles)
        desk.type(" 99")
        desk.press(.ctrl("s"))
        desk.send(.failed(.invalid([ValidationProblem(.articles, "is not an article of the instrument")]), during: .save))
        #expect(desk.state.form?.errors[.articles] == "is not an article of the instrument")
        #expect(desk.state.form?.focusedField?.id == .articles)
        #expect(desk.state.form?.isSaving == false)
    }
}
