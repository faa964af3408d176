import Foundation

/// A length of time as written in the rules file: `60d` (days) or `8h` (hours).
///
/// Days are counted as 24-hour periods from the anchoring instant, so a deadline never moves
/// with the workstation's time zone or daylight saving.
public struct DeadlinePeriod: Sendable, Hashable, CustomStringConvertible {
    public var hours: Int

    public init(days: Int) { hours = days * 24 }
    public init(hours: Int) { self.hours = hours }

    /// Parses `60d` or `8h`; `nil` for anything else, including zero or negative lengths and
    /// lengths beyond ``longest`` (no legal period runs that long, and dates must stay countable).
    public init?(_ text: String) {
        guard let unit = text.last, let amount = Int(text.dropLast()), amount > 0, !text.hasPrefix("+") else { return nil }
        switch unit {
        case "d" where amount <= Self.longest.hours / 24: hours = amount * 24
        case "h" where amount <= Self.longest.hours: hours = amount
        default: return nil
        }
    }

    /// A century: the longest period a rule may give.
    public static let longest = DeadlinePeriod(days: 36_500)

    public var seconds: TimeInterval { TimeInterval(hours) * 3600 }

    public var description: String { hours % 24 == 0 ? "\(hours / 24)d" : "\(hours)h" }

    /// Words for people: `60 days`, `8 hours`.
    public var words: String {
        if hours % 24 == 0 { return hours == 24 ? "1 day" : "\(hours / 24) days" }
        return hours == 1 ? "1 hour" : "\(hours) hours"
    }
}
