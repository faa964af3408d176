import Foundation

/// A request for mutual legal assistance, incoming or outgoing, with everything an officer
/// records about it except its attachments (history, checklist, evidence), which live in their
/// own records so that a list never has to load them.
public struct Request: Codable, Sendable, Hashable, Identifiable {
    /// Stable across desks: exchange packages match requests by this id, never by reference.
    public var id: UUID
    public var reference: RequestReference
    public var foreignReference: String
    public var counterpartCountry: CountryCode
    public var counterpartAuthority: String
    public var ourAuthority: String
    public var legalBasis: LegalBasis
    public var types: [RequestTypeID]
    public var channel: ChannelID?
    public var urgency: Urgency
    public var offences: [OffenceID]
    public var summaryOfFacts: String
    public var assistanceSought: String
    public var identifiers: [Identifier]
    public var serviceProviders: [String]
    /// Groups the requests of one investigation across countries (e.g. `OP-NIGHTJAR`).
    public var operation: String
    public var assignedOfficer: String
    public var confidentiality: String
    public var limitationOfUse: String
    public var dates: KeyDates
    public var status: RequestStatus
    public var notes: String
    /// Raised by every save; a save carrying an older version is refused (optimistic concurrency).
    public var version: Int
    public var updatedAt: Date
    public var updatedBy: String

    public var direction: Direction { reference.direction }

    public init(
        id: UUID = UUID(), reference: RequestReference, foreignReference: String = "",
        counterpartCountry: CountryCode, counterpartAuthority: String = "", ourAuthority: String = "",
        legalBasis: LegalBasis, types: [RequestTypeID], channel: ChannelID? = nil, urgency: Urgency = .routine,
        offences: [OffenceID] = [], summaryOfFacts: String = "", assistanceSought: String = "",
        identifiers: [Identifier] = [], serviceProviders: [String] = [], operation: String = "",
        assignedOfficer: String = "", confidentiality: String = "", limitationOfUse: String = "",
        dates: KeyDates, status: RequestStatus? = nil, notes: String = "", version: Int = 1,
        updatedAt: Date? = nil, updatedBy: String = ""
    ) {
        self.id = id
        self.reference = reference
        self.foreignReference = foreignReference
        self.counterpartCountry = counterpartCountry
        self.counterpartAuthority = counterpartAuthority
        self.ourAuthority = ourAuthority
        self.legalBasis = legalBasis
        self.types = types
        self.channel = channel
        self.urgency = urgency
        self.offences = offences
        self.summaryOfFacts = summaryOfFacts
        self.assistanceSought = assistanceSought
        self.identifiers = identifiers
        self.serviceProviders = serviceProviders
        self.operation = operation
        self.assignedOfficer = assignedOfficer
        self.confidentiality = confidentiality
        self.limitationOfUse = limitationOfUse
        self.dates = dates
        self.status = status ?? Workflow.initialStatus(for: reference.direction)
        self.notes = notes
        self.version = version
        self.updatedAt = updatedAt ?? dates.created
        self.updatedBy = updatedBy
    }
}

/// The instrument a request relies on and the articles it invokes (`budapest`, `29`).
public struct LegalBasis: Codable, Sendable, Hashable {
    public var instrument: InstrumentID
    public var articles: String

    public init(instrument: InstrumentID, articles: String = "") {
        self.instrument = instrument
        self.articles = articles
    }
}

/// The dates that drive a request's deadlines. All are instants in UTC, shown in local time.
public struct KeyDates: Codable, Sendable, Hashable {
    public var created: Date
    /// When it was sent (outgoing) or received (incoming).
    public var sentOrReceived: Date?
    public var acknowledged: Date?
    /// The officer's own due date; it replaces the computed reminders to chase, never a legal deadline.
    public var due: Date?
    public var completed: Date?
    /// The deadline rules (by id) whose one extension was granted (the EIO's 30 more days for
    /// the recognition decision, the EPOC-PR's 30 more days): their deadlines run to the
    /// extended date. Nil, and left out of the stored body, when none was.
    public var extensionsGranted: [String]?

    public init(created: Date, sentOrReceived: Date? = nil, acknowledged: Date? = nil, due: Date? = nil,
                completed: Date? = nil, extensionsGranted: [String]? = nil) {
        self.created = created
        self.sentOrReceived = sentOrReceived
        self.acknowledged = acknowledged
        self.due = due
        self.completed = completed
        self.extensionsGranted = extensionsGranted
    }
}

/// Something precise the request asks about: an account, an IP address seen at a moment, a
/// domain. For IP addresses the timestamp, time zone and port decide whether a provider can
/// answer at all, so they are fields of their own.
public struct Identifier: Codable, Sendable, Hashable {
    public enum Kind: String, CaseIterable, Codable, Sendable {
        case account
        case email
        case ipAddress = "ip_address"
        case domain
        case url
        case wallet
        case phone
        case imei
        case other

        public var label: String {
            switch self {
            case .account: "Account"
            case .email: "E-mail"
            case .ipAddress: "IP address"
            case .domain: "Domain"
            case .url: "URL"
            case .wallet: "Wallet"
            case .phone: "Phone"
            case .imei: "IMEI"
            case .other: "Other"
            }
        }
    }

    public var kind: Kind
    public var value: String
    public var observedAt: Date?
    public var timeZone: String?
    public var port: Int?

    public init(kind: Kind, value: String, observedAt: Date? = nil, timeZone: String? = nil, port: Int? = nil) {
        self.kind = kind
        self.value = value
        self.observedAt = observedAt
        self.timeZone = timeZone
        self.port = port
    }
}
