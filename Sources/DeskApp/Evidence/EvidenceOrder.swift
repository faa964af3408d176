import DeskCore
import Foundation

/// What a saved evidence form asks the case file to record.
public enum EvidenceOrder: Equatable, Sendable {
    case exchange(EvidenceExchange)
    /// An item; with a path, its file or folder is hashed first (in the background).
    case item(EvidenceItem, path: String?)
    case custody(CustodyEvent)
    case attach(itemID: UUID, path: String)

    /// The effect that records it.
    public var effect: Effect {
        switch self {
        case .exchange(let exchange): .recordExchange(exchange)
        case .item(let item, let path?): .hashItems(item, path: path)
        case .item(let item, nil): .addItem(item)
        case .custody(let event): .appendCustody(event)
        case .attach(let itemID, let path): .attachFile(itemID: itemID, path: path)
        }
    }

    /// The file or folder recording it hashes first, if any: then the progress dialog opens.
    public var hashedPath: String? {
        switch self {
        case .item(_, let path): path
        case .attach(_, let path): path
        case .exchange, .custody: nil
        }
    }
}
