import DeskCore

/// The templates offered for one request, and which one is highlighted.
public struct TemplatePickerState: Equatable, Sendable {
    public var details: RequestDetails
    /// Only the templates that fit the request's direction, type and status, in index order.
    public var templates: [DraftTemplate]
    public var highlighted = 0

    public init(details: RequestDetails, templates: [DraftTemplate]) {
        self.details = details
        self.templates = templates
    }

    public var chosen: DraftTemplate? { templates.indices.contains(highlighted) ? templates[highlighted] : nil }
}
