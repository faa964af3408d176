import Foundation

/// An open request past its due date, as the report lists the oldest of them.
public struct OverdueRequest: Sendable, Equatable, Codable {
    public var reference: RequestReference
    public var country: CountryCode
    public var due: Date

    public init(reference: RequestReference, country: CountryCode, due: Date) {
        self.reference = reference
        self.country = country
        self.due = due
    }
}
