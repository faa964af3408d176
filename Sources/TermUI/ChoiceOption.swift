/// One entry of reference data offered by a choice: a stable id and the label users read.
public struct ChoiceOption: Equatable, Sendable {
    public var id: String
    public var label: String

    public init(id: String, label: String) {
        self.id = id
        self.label = label
    }
}
