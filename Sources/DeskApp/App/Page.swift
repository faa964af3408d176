/// The full-screen pages of the desk. They stack: Esc returns to the one below.
public enum Page: Equatable, Sendable {
    case home
    case list
    case detail
    case form
    case help
    case evidenceItem
    case evidenceForm
    case draft
    case reports
    case packageImport

    /// The words in the title bar.
    public var title: String {
        switch self {
        case .home: "Desk"
        case .list: "Requests"
        case .detail: "Request"
        case .form: "Request form"
        case .help: "Keys"
        case .evidenceItem: "Evidence item"
        case .evidenceForm: "Evidence form"
        case .draft: "Draft"
        case .reports: "Reports"
        case .packageImport: "Package import"
        }
    }
}
