import TermUI

extension KeyBindings {
    /// The desk's keys as shipped: arrows and `j`/`k`, Enter opens, Esc goes back, `?`/F1 help.
    public static let standard = KeyBindings(maps: [
        .global: KeyMap([
            Binding(.help, [ch("?"), key(.f(1))], help: "Show every key and what it does"),
            Binding(.quit, [ch("q"), ctrl("q"), ctrl("c")], help: "Quit the desk (asks first when a form has changes)"),
        ]),
        .home: KeyMap([
            Binding(.homeDown, [key(.down), ch("j")], help: "Next line", showInBar: false),
            Binding(.homeUp, [key(.up), ch("k")], help: "Previous line", showInBar: false),
            Binding(.homeOpen, [key(.enter)], help: "Open the requests counted on this line"),
            Binding(.homeAll, [ch("l")], help: "Open the list of all requests"),
            Binding(.homeReports, [ch("r")], help: "Open the reports: counts, turnaround, refusals, charts"),
            Binding(.homeImport, [ch("i")], help: "Import package…: check a package folder, preview what it changes, "
                + "then apply it"),
            Binding(.requestNew, [ch("n")], help: "Start a new request"),
        ]),
        .list: KeyMap([
            Binding(.listDown, [key(.down), ch("j")], help: "Next request", showInBar: false),
            Binding(.listUp, [key(.up), ch("k")], help: "Previous request", showInBar: false),
            Binding(.listPageDown, [key(.pageDown)], help: "One screen down", showInBar: false),
            Binding(.listPageUp, [key(.pageUp)], help: "One screen up", showInBar: false),
            Binding(.listFirst, [key(.home), ch("g")], help: "First request", showInBar: false),
            Binding(.listLast, [key(.end), ch("G")], help: "Last request", showInBar: false),
            Binding(.listOpen, [key(.enter)], help: "Open the selected request"),
            Binding(.listFilter, [ch("/")], help: "Filter: words search the text; status:, country:, type:, "
                + "urgency:, officer:, overdue, open, due:7d, expiring:14d filter by field"),
            Binding(.listNextTab, [key(.tab)], help: "Next tab (Incoming, Outgoing, All)"),
            Binding(.listPreviousTab, [key(.backTab)], help: "Previous tab", showInBar: false),
            Binding(.listSortNext, [ch(">")], help: "Sort by the next column"),
            Binding(.listSortPrevious, [ch("<")], help: "Sort by the previous column", showInBar: false),
            Binding(.listReverse, [ch("r")], help: "Reverse the sort order", showInBar: false),
            Binding(.requestNew, [ch("n")], help: "Start a new request"),
            Binding(.requestEdit, [ch("e")], help: "Edit the selected request"),
            Binding(.requestStatus, [ch("s")], help: "Change the status of the selected request"),
            Binding(.requestDraft, [ch("d")], help: "Draft a document (letter, notice) from the selected request",
                    showInBar: false),
            Binding(.listBack, [key(.escape)], help: "Back to the desk"),
        ]),
        .filter: KeyMap([
            Binding(.filterApply, [key(.enter)], help: "Keep the filter and return to the list"),
            Binding(.filterCancel, [key(.escape)], help: "Clear the filter and return to the list"),
        ]),
        .detail: KeyMap(scrolling(down: .detailDown, up: .detailUp, pageDown: .detailPageDown, pageUp: .detailPageUp)
            + sections(nextInBar: true) + [
            Binding(.requestEdit, [ch("e")], help: "Edit this request"),
            Binding(.requestStatus, [ch("s")], help: "Change the status of this request"),
            Binding(.requestDraft, [ch("d")], help: "Draft a document (letter, notice) from this request"),
            Binding(.requestExtend, [ch("x")], help: "Record that the deadline allowing one extension was extended (asks a second x)",
                    showInBar: false),
            Binding(.detailBack, [key(.escape)], help: "Back to the list"),
        ]),
        .checklist: KeyMap([
            Binding(.checklistDown, [key(.down), ch("j")], help: "Next item", showInBar: false),
            Binding(.checklistUp, [key(.up), ch("k")], help: "Previous item", showInBar: false),
            Binding(.checklistToggle, [ch(" ")], help: "Tick the item done, or open it again"),
            Binding(.checklistNotApplicable, [ch("a")], help: "Mark the item not applicable (asks for the reason)"),
            Binding(.checklistNote, [key(.enter)], help: "Write or change the item's note"),
            Binding(.checklistFilter, [ch("f")], help: "Show only the open required items, or all again"),
        ] + sections(nextInBar: false) + [
            Binding(.requestStatus, [ch("s")], help: "Change the status of this request"),
            Binding(.requestEdit, [ch("e")], help: "Edit this request", showInBar: false),
            Binding(.requestDraft, [ch("d")], help: "Draft a document (letter, notice) from this request",
                    showInBar: false),
            Binding(.detailBack, [key(.escape)], help: "Back to the list"),
        ]),
        .draft: KeyMap(scrolling(down: .draftDown, up: .draftUp, pageDown: .draftPageDown, pageUp: .draftPageUp) + [
            Binding(.draftWrite, [ch("w")], help: "Write the draft to a file (asks for the name) and record it"),
            Binding(.draftBack, [key(.escape)], help: "Back to the request"),
        ]),
        .reports: KeyMap(scrolling(down: .reportsDown, up: .reportsUp, pageDown: .reportsPageDown, pageUp: .reportsPageUp) + [
            Binding(.reportsPeriod, [ch("p")], help: "Switch the period: last 12 months or everything"),
            Binding(.reportsBack, [key(.escape)], help: "Back to the desk"),
        ]),
        .templates: KeyMap([
            Binding(.templateChoose, [key(.enter)], help: "Draft with the highlighted template"),
            Binding(.templateDown, [key(.down), ch("j")], help: "Next template", showInBar: false),
            Binding(.templateUp, [key(.up), ch("k")], help: "Previous template", showInBar: false),
            Binding(.templateCancel, [key(.escape)], help: "Cancel"),
            quitFromDialog,
        ]),
        .prompt: KeyMap([
            Binding(.promptConfirm, [key(.enter)], help: "Accept the text"),
            Binding(.promptCancel, [key(.escape)], help: "Cancel"),
            quitFromDialog,
        ]),
        .packageImport: KeyMap(scrolling(down: .importDown, up: .importUp, pageDown: .importPageDown, pageUp: .importPageUp) + [
            Binding(.importApply, [key(.enter), ch("a")], help: "Apply the package (asks first)"),
            Binding(.importCancel, [key(.escape), ch("q")], help: "Put the package away; nothing is imported"),
        ]),
        .packageCheck: KeyMap([
            Binding(.packageCheckCancel, [key(.escape)], help: "Stop waiting for the check; nothing is imported"),
        ]),
        .notice: KeyMap([
            Binding(.noticeClose, [key(.enter), key(.escape)], help: "Close the notice"),
            quitFromDialog,
        ]),
        .form: KeyMap([
            Binding(.formSave, [ctrl("s"), key(.f(2))], help: "Save the request"),
            Binding(.formNext, [key(.tab), key(.down)], help: "Next field (inside a text area or list, ↓ moves within it)"),
            Binding(.formPrevious, [key(.backTab), key(.up)], help: "Previous field"),
            Binding(.formCancel, [key(.escape)], help: "Leave the form (asks first when it has changes)"),
            Binding(.help, [key(.f(1))], help: "Show every key and what it does", showInBar: false),
            Binding(.quit, [ctrl("q"), ctrl("c")], help: "Quit the desk (asks first when the form has changes)", showInBar: false),
        ]),
        .help: KeyMap(scrolling(down: .helpDown, up: .helpUp, pageDown: .helpPageDown, pageUp: .helpPageUp) + [
            Binding(.helpTop, [key(.home), ch("g")], help: "Top of the help", showInBar: false),
            Binding(.helpBottom, [key(.end), ch("G")], help: "End of the help", showInBar: false),
            Binding(.helpClose, [key(.escape), ch("?"), key(.f(1))], help: "Close the help"),
        ]),
        .confirm: KeyMap([
            Binding(.confirmYes, [ch("y")], help: "Yes: discard the changes, or apply the package"),
            Binding(.confirmNo, [ch("n"), key(.escape)], help: "No: keep editing, or look at the package again"),
        ]),
        .conflict: KeyMap([
            Binding(.conflictReload, [ch("r")], help: "Reload the request as it is now stored (your changes are discarded)"),
            Binding(.conflictKeep, [ch("k"), key(.escape)], help: "Keep editing (your changes stay; saving will be refused again)"),
        ]),
        .status: KeyMap([
            Binding(.statusConfirm, [key(.enter)], help: "Change the status"),
            Binding(.statusNext, [key(.tab)], help: "Next part of the dialog"),
            Binding(.statusPrevious, [key(.backTab)], help: "Previous part of the dialog", showInBar: false),
            Binding(.statusDown, [key(.down)], help: "Next choice", showInBar: false),
            Binding(.statusUp, [key(.up)], help: "Previous choice", showInBar: false),
            Binding(.statusCancel, [key(.escape)], help: "Cancel"),
            quitFromDialog,
        ]),
        .evidence: KeyMap([
            Binding(.evidenceNext, [key(.down), ch("j")], help: "Next exchange or item", showInBar: false),
            Binding(.evidencePrevious, [key(.up), ch("k")], help: "Previous exchange or item", showInBar: false),
            Binding(.evidencePageDown, [key(.pageDown), ch(" ")], help: "One screen down", showInBar: false),
            Binding(.evidencePageUp, [key(.pageUp)], help: "One screen up", showInBar: false),
            Binding(.evidenceOpen, [key(.enter)], help: "Open the selected item: its hashes in full and its custody timeline"),
            Binding(.evidenceRecordExchange, [ch("x")], help: "Record an evidence exchange (sent or received)"),
            Binding(.evidenceAddItem, [ch("i")], help: "Add an item to the selected exchange, hashing a file or folder if given"),
            Binding(.evidenceAddCustody, [ch("c")], help: "Add a custody event to the selected item"),
            Binding(.evidenceAttach, [ch("a")], help: "Hash a file for the selected item, recorded without one", showInBar: false),
        ] + sections(nextInBar: true) + [
            Binding(.requestEdit, [ch("e")], help: "Edit this request", showInBar: false),
            Binding(.requestStatus, [ch("s")], help: "Change the status of this request", showInBar: false),
            Binding(.requestDraft, [ch("d")], help: "Draft a document (letter, notice) from this request",
                    showInBar: false),
            Binding(.detailBack, [key(.escape)], help: "Back to the list"),
        ]),
        .evidenceItem: KeyMap(scrolling(down: .itemDown, up: .itemUp, pageDown: .itemPageDown, pageUp: .itemPageUp) + [
            Binding(.evidenceAddCustody, [ch("c")], help: "Add a custody event to this item"),
            Binding(.evidenceAttach, [ch("a")], help: "Hash a file for this item, recorded without one"),
            Binding(.itemBack, [key(.escape)], help: "Back to the Evidence tab"),
        ]),
        .hashing: KeyMap([
            Binding(.hashingCancel, [key(.escape)], help: "Cancel the hashing; nothing is recorded"),
        ]),
    ])
}

/// The four scrolling keys every scrollable page shares, each page with its own named actions.
private func scrolling(down: DeskAction, up: DeskAction, pageDown: DeskAction, pageUp: DeskAction) -> [Binding<DeskAction>] {
    [
        Binding(down, [key(.down), ch("j")], help: "Scroll down", showInBar: false),
        Binding(up, [key(.up), ch("k")], help: "Scroll up", showInBar: false),
        Binding(pageDown, [key(.pageDown), ch(" ")], help: "One screen down", showInBar: false),
        Binding(pageUp, [key(.pageUp)], help: "One screen up", showInBar: false),
    ]
}

/// The keys that move between a request's sections, the same on every section's page.
private func sections(nextInBar: Bool) -> [Binding<DeskAction>] {
    [
        Binding(.detailNextSection, [key(.tab), key(.right)], help: "Next section", showInBar: nextInBar),
        Binding(.detailPreviousSection, [key(.backTab), key(.left)], help: "Previous section", showInBar: false),
        Binding(.detailSection1, [ch("1")], help: "Summary", showInBar: false),
        Binding(.detailSection2, [ch("2")], help: "Parties and identifiers", showInBar: false),
        Binding(.detailSection3, [ch("3")], help: "Checklist", showInBar: false),
        Binding(.detailSection4, [ch("4")], help: "Evidence", showInBar: false),
        Binding(.detailSection5, [ch("5")], help: "History: status changes and audit trail", showInBar: false),
    ]
}

/// Ctrl-Q in a dialog that holds no work of its own (a choice, a short text, a notice): the
/// dialog is put away and the desk quits as it does elsewhere, asking first when a form behind it
/// has changes. The keys typed into the dialog keep `q` for themselves.
private let quitFromDialog = Binding(DeskAction.quit, [ctrl("q"), ctrl("c")], help: "Quit the desk", showInBar: false)

private func ch(_ character: Character) -> KeyChord { KeyChord(.char(character)) }
private func key(_ key: Key) -> KeyChord { KeyChord(.key(key)) }
private func ctrl(_ character: Character) -> KeyChord { KeyChord(.ctrl(character)) }
