import Foundation

/// One handover of evidence under a request: what was sent or received, when, how and with whom.
public struct EvidenceExchange: Codable, Sendable, Hashable, Identifiable {
    public enum Flow: String, Codable, Sendable, CaseIterable {
        case sent
        case received
    }

    public enum Medium: String, Codable, Sendable, CaseIterable {
        case securePortal = "secure_portal"
        case usbDrive = "usb_drive"
        case opticalDisc = "optical_disc"
        case paper
        case email

        public var label: String {
            switch self {
            case .securePortal: "Secure portal"
            case .usbDrive: "USB drive"
            case .opticalDisc: "Optical disc"
            case .paper: "Paper"
            case .email: "E-mail"
            }
        }
    }

    public var id: UUID
    public var requestID: UUID
    public var flow: Flow
    public var at: Date
    public var channel: ChannelID?
    public var medium: Medium
    public var counterpartAuthority: String
    public var counterpartPerson: String
    public var transmittalReference: String
    public var handling: HandlingRestrictions
    public var note: String

    public init(id: UUID = UUID(), requestID: UUID, flow: Flow, at: Date, channel: ChannelID? = nil,
                medium: Medium, counterpartAuthority: String = "", counterpartPerson: String = "",
                transmittalReference: String = "", handling: HandlingRestrictions = .init(), note: String = "") {
        self.id = id
        self.requestID = requestID
        self.flow = flow
        self.at = at
        self.channel = channel
        self.medium = medium
        self.counterpartAuthority = counterpartAuthority
        self.counterpartPerson = counterpartPerson
        self.transmittalReference = transmittalReference
        self.handling = handling
        self.note = note
    }
}

/// Restrictions that travel with evidence: confidentiality, limitation of use, and a
/// SIENA-style handling code (H0 – H3).
public struct HandlingRestrictions: Codable, Sendable, Hashable {
    public enum Code: String, Codable, Sendable, CaseIterable {
        case h0 = "H0", h1 = "H1", h2 = "H2", h3 = "H3"
    }

    public var confidentiality: String
    public var limitationOfUse: String
    public var code: Code?

    public init(confidentiality: String = "", limitationOfUse: String = "", code: Code? = nil) {
        self.confidentiality = confidentiality
        self.limitationOfUse = limitationOfUse
        self.code = code
    }
}
