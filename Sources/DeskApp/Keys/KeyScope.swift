/// Where the keyboard focus is, which decides which key table answers a key press.
///
/// The same key means different things in different places (`j` moves down a list but is a
/// letter in a form), so each scope has its own table; the global table answers last.
public enum KeyScope: String, CaseIterable, Hashable, Sendable {
    case global
    case home
    case list
    case filter
    case detail
    case form
    case help
    case confirm
    case conflict
    case status
    case evidence
    case evidenceItem
    case hashing
    case checklist
    case draft
    case reports
    case templates
    case prompt
    case packageImport
    case packageCheck
    case notice
    /// Work the officer waits for and cannot stop; no key answers.
    case busy

    /// The heading of this scope on the help screen.
    public var title: String {
        switch self {
        case .global: "Everywhere"
        case .home: "Desk"
        case .list: "Request list"
        case .filter: "Filter line"
        case .detail: "Request detail"
        case .form: "Request form"
        case .help: "Help"
        case .confirm: "Question"
        case .conflict: "Changed by someone else"
        case .status: "Status change"
        case .evidence: "Evidence tab"
        case .evidenceItem: "Evidence item"
        case .hashing: "Hashing files"
        case .checklist: "Checklist (request detail)"
        case .draft: "Draft viewer"
        case .reports: "Reports"
        case .templates: "Choosing a template"
        case .prompt: "Text question"
        case .packageImport: "Package import"
        case .packageCheck: "Checking a package"
        case .notice: "Notice"
        case .busy: "Working"
        }
    }
}
