import DeskCore
import Foundation
import TermUI

/// A full-screen request form: the fields, what is typed in them, where the focus is, which
/// fields were visited and the errors to show beside them.
///
/// The draft becomes a ``Request`` only when saved; until then it is text and selections, so
/// half-typed dates and unknown codes can sit in the form while the officer moves around.
public struct RequestFormState: Equatable, Sendable {
    public enum Mode: Equatable, Sendable {
        case new
        case edit(Request)
    }

    public var mode: Mode
    public var fields: [FormField]
    public var values: [FieldValue]
    public var focus = 0
    /// Fields the officer has left at least once; only their errors are shown before saving.
    public var touched: Set<RequestField> = []
    /// The first problem of each visited field, as shown under it.
    public var errors: [RequestField: String] = [:]
    /// Set while a save is on its way, so a second Ctrl-S does not send it twice.
    public var isSaving = false
    /// The first row of the form on screen.
    public var scroll = 0
    private var initialContent: [String]

    public init(mode: Mode, fields: [FormField], values: [FieldValue]) {
        self.mode = mode
        self.fields = fields
        self.values = values
        self.initialContent = values.map(\.content)
    }

    /// True once anything differs from what the form opened with.
    public var isDirty: Bool { values.map(\.content) != initialContent }

    public var focusedField: FormField? { fields.indices.contains(focus) ? fields[focus] : nil }

    public func index(of id: RequestField) -> Int? { fields.firstIndex { $0.id == id } }

    public func value(_ id: RequestField) -> FieldValue? { index(of: id).map { values[$0] } }

    public mutating func setValue(_ value: FieldValue, for id: RequestField) {
        if let index = index(of: id) { values[index] = value }
    }

    /// The request being edited; nil for a new one.
    public var original: Request? {
        if case .edit(let request) = mode { return request }
        return nil
    }

    public var title: String {
        switch mode {
        case .new: "New request"
        case .edit(let request): "Edit \(request.reference)"
        }
    }
}
