import DeskCore
import Foundation
import TermUI

/// A full-screen evidence form: recording an exchange, adding an item (optionally hashing a
/// file or folder), adding a custody event, or attaching a file to an item recorded without one.
///
/// Like the request form it holds text and selections until saved, so half-typed hashes and
/// times can sit in it while the officer moves around; the same ``FormEditing`` and
/// ``FormView`` code edits and draws it.
public struct EvidenceFormState: Equatable, Sendable {
    /// What the form records, and under which record.
    public enum Purpose: Equatable, Sendable {
        case exchange(Request)
        case item(EvidenceExchange)
        case custody(EvidenceItem)
        case attach(EvidenceItem)
    }

    public struct Field: Equatable, Sendable {
        public var id: EvidenceField
        public var kind: FormFieldKind
        public var isRequired: Bool

        public init(_ id: EvidenceField, _ kind: FormFieldKind, required: Bool = false) {
            self.id = id
            self.kind = kind
            self.isRequired = required
        }
    }

    public var purpose: Purpose
    public var fields: [Field]
    public var values: [FieldValue]
    public var focus = 0
    /// Fields the officer has left at least once; only their errors show before saving.
    public var touched: Set<EvidenceField> = []
    public var errors: [EvidenceField: String] = [:]
    /// Set while the record (or the hashing) is on its way, so a second save is not sent.
    public var isSaving = false
    /// The form as it was when the officer was warned that a destruction cannot be undone; a
    /// second save of the same form records it, any edit since asks again.
    public var destructionWarned: [String]?

    /// What the form holds, field by field, as typed.
    public var contents: [String] { values.map(\.content) }
    public var scroll = 0
    private var initialContent: [String]

    public init(purpose: Purpose, fields: [Field], values: [FieldValue]) {
        self.purpose = purpose
        self.fields = fields
        self.values = values
        initialContent = values.map(\.content)
    }

    public var isDirty: Bool { values.map(\.content) != initialContent }

    public var focusedField: Field? { fields.indices.contains(focus) ? fields[focus] : nil }

    public func index(of id: EvidenceField) -> Int? { fields.firstIndex { $0.id == id } }

    public func value(_ id: EvidenceField) -> FieldValue? { index(of: id).map { values[$0] } }

    public mutating func setValue(_ value: FieldValue, for id: EvidenceField) {
        if let index = index(of: id) { values[index] = value }
    }

    public var title: String {
        switch purpose {
        case .exchange(let request): "Record an evidence exchange for \(request.reference)"
        case .item(let exchange): "Add an item to exchange \(EvidenceID.short(exchange.id))"
        case .custody(let item): "Custody event for item \(EvidenceID.short(item.id))"
        case .attach(let item): "Attach a file to item \(EvidenceID.short(item.id))"
        }
    }
}

extension EvidenceFormState: FormContent {
    var fieldViews: [FormFieldView] {
        fields.map { FormFieldView(label: $0.id.label, kind: $0.kind, isRequired: $0.isRequired, error: errors[$0.id]) }
    }
}
