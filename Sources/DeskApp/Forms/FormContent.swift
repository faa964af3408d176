import TermUI

/// One field as the shared form machinery sees it, whatever record the form edits.
struct FormFieldView: Equatable {
    var label: String
    var kind: FormFieldKind
    var isRequired: Bool
    /// The error shown under the field, once it was visited or a save was tried.
    var error: String?
}

/// What every full-screen form offers the shared editing, layout and drawing code: its fields
/// as specs, the values being edited, the focus and the scroll position.
///
/// The request form and the evidence forms differ in which record they build and how they
/// validate it; typing, moving, scrolling and drawing are the same code for all of them.
protocol FormContent {
    var title: String { get }
    var isDirty: Bool { get }
    var fieldViews: [FormFieldView] { get }
    var values: [FieldValue] { get set }
    var focus: Int { get set }
    var scroll: Int { get set }
}

extension RequestFormState: FormContent {
    var fieldViews: [FormFieldView] {
        fields.map { FormFieldView(label: $0.label, kind: $0.kind, isRequired: $0.isRequired, error: errors[$0.id]) }
    }
}
