import DeskCore
import TermUI

/// How a form field is edited.
public enum FormFieldKind: Equatable, Sendable {
    case text
    /// Multi-line text; `rows` is its height on a 24-line terminal (taller ones get more).
    case area(rows: Int)
    /// `YYYY-MM-DD`, with `t` for today and `+`/`-` to shift a day.
    case date
    /// One entry of a reference list, picked by typing part of its code or name.
    case choice
    /// Several entries of a reference list.
    case multiChoice
}

/// One field of a form as data: which request field it edits, its label, kind and whether it
/// must be filled.
public struct FormField: Equatable, Sendable {
    public var id: RequestField
    public var label: String
    public var kind: FormFieldKind
    public var isRequired: Bool

    public init(_ id: RequestField, _ kind: FormFieldKind, label: String? = nil, required: Bool = false) {
        self.id = id
        self.label = label ?? id.label
        self.kind = kind
        self.isRequired = required
    }
}

/// The value being edited in one field, held by the widget state that edits it.
public enum FieldValue: Equatable, Sendable {
    case text(TextFieldState)
    case area(TextAreaState)
    case choice(ChoiceState)

    /// What the field holds, without cursor or highlight: what "changed" compares.
    public var content: String {
        switch self {
        case .text(let state): state.text
        case .area(let state): state.text
        case .choice(let state): state.selected.joined(separator: ",")
        }
    }

    public var text: String {
        switch self {
        case .text(let state): state.text
        case .area(let state): state.text
        case .choice: ""
        }
    }

    public var selected: [String] {
        if case .choice(let state) = self { return state.selected }
        return []
    }
}
