/// The fields of a request as an officer knows them; validation problems and form errors
/// point at these, and the form's field ids are their raw values.
public enum RequestField: String, CaseIterable, Sendable, Codable {
    case direction
    case foreignReference = "foreign_reference"
    case counterpartCountry = "country"
    case counterpartAuthority = "counterpart_authority"
    case ourAuthority = "our_authority"
    case instrument
    case articles
    case types
    case channel
    case urgency
    case offences
    case summaryOfFacts = "summary_of_facts"
    case assistanceSought = "assistance_sought"
    case identifiers
    case serviceProviders = "service_providers"
    case operation
    case assignedOfficer = "officer"
    case confidentiality
    case limitationOfUse = "limitation_of_use"
    case sentOrReceived = "sent_or_received"
    case acknowledged
    case due
    case completed
    case notes

    public var label: String {
        switch self {
        case .direction: "Direction"
        case .foreignReference: "Foreign reference"
        case .counterpartCountry: "Country"
        case .counterpartAuthority: "Counterpart authority"
        case .ourAuthority: "Our authority"
        case .instrument: "Legal basis"
        case .articles: "Articles"
        case .types: "Request types"
        case .channel: "Channel"
        case .urgency: "Urgency"
        case .offences: "Offences"
        case .summaryOfFacts: "Summary of facts"
        case .assistanceSought: "Assistance sought"
        case .identifiers: "Identifiers"
        case .serviceProviders: "Service providers"
        case .operation: "Operation"
        case .assignedOfficer: "Assigned officer"
        case .confidentiality: "Confidentiality"
        case .limitationOfUse: "Limitation of use"
        case .sentOrReceived: "Sent / received"
        case .acknowledged: "Acknowledged"
        case .due: "Due date"
        case .completed: "Completed"
        case .notes: "Notes"
        }
    }
}

/// One thing wrong with a request, in words an officer understands, tied to its field.
public struct ValidationProblem: Equatable, Sendable, Codable, CustomStringConvertible {
    public var field: RequestField
    public var message: String

    public init(_ field: RequestField, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field.label): \(message)" }
}
