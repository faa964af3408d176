import DeskCore
import DeskStore

extension DeskOptions {
    /// Opens the desk with the reference data, so checklists follow the templates, status
    /// changes are gated and due dates come from the deadline rules. Commands that change
    /// requests or show deadlines open it this way.
    func openStoreWithRules(createIfMissing: Bool = false) throws -> (store: DeskStore, reference: ReferenceData) {
        let reference = try loadReference()
        let store = try DeskStore.open(path: databasePath, officer: officerName, createIfMissing: createIfMissing,
                                       reference: reference)
        return (store, reference)
    }
}
