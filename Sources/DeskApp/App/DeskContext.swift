import DeskCore
import DeskStore
import Foundation

/// What stays fixed while the desk runs: reference data, who is working, the keys and the
/// time zone dates are shown in. ``update(_:_:)`` reads it but never changes it.
public struct DeskContext: Sendable {
    public let reference: ReferenceData
    public let officer: String
    public let keys: KeyBindings
    /// Dates are stored in UTC and shown in this zone (the machine's, unless a test pins one).
    public let timeZone: TimeZone
    /// The document templates, loaded once when the desk opens; drafting is off without them.
    public let templates: TemplateLibrary?

    public init(reference: ReferenceData, officer: String, keys: KeyBindings = .standard,
                timeZone: TimeZone = .current, templates: TemplateLibrary? = nil) {
        self.reference = reference
        self.officer = officer
        self.keys = keys
        self.timeZone = timeZone
        self.templates = templates
        dates = DateText(timeZone: timeZone)
    }

    /// Dates written and read in ``timeZone``, made once: the list writes them on every row.
    public let dates: DateText
}
