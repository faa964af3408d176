/// The fields of the evidence forms (exchange, item, custody event, attaching a file).
public enum EvidenceField: String, CaseIterable, Hashable, Sendable {
    case flow, date, time, channel, medium, counterpartAuthority, counterpartPerson, transmittal, handlingCode
    case confidentiality, limitationOfUse, note
    case category, description, originalFileName, size, declaredSHA256, declaredMD5, declaredSHA1, path
    case custodyKind, who, location

    public var label: String {
        switch self {
        case .flow: "Direction"
        case .date: "Date"
        case .time: "Time (HH:MM)"
        case .channel: "Channel"
        case .medium: "Medium"
        case .counterpartAuthority: "Counterpart authority"
        case .counterpartPerson: "Counterpart person"
        case .transmittal: "Transmittal reference"
        case .handlingCode: "Handling code"
        case .confidentiality: "Confidentiality"
        case .limitationOfUse: "Limitation of use"
        case .note: "Note"
        case .category: "Category"
        case .description: "Description"
        case .originalFileName: "Original file name"
        case .size: "Size in bytes"
        case .declaredSHA256: "Declared SHA-256"
        case .declaredMD5: "Declared MD5"
        case .declaredSHA1: "Declared SHA-1"
        case .path: "File/folder to hash"
        case .custodyKind: "Event"
        case .who: "Who"
        case .location: "Where"
        }
    }
}
