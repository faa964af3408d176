import DeskCore
import DeskStore

extension DeskStore {
    /// The request a command names, or the one sentence an officer sees when there is none.
    func requireDetails(_ reference: RequestReference) throws -> RequestDetails {
        guard let details = try details(reference: reference) else {
            throw CommandFailure("No request \(reference) on this desk.")
        }
        return details
    }
}
