import Foundation

/// A length of time as written in the rules file: `60d` (days) or `8h` (hours).
///
/// Days are calendar days in the desk's time zone, as the law counts them: 60 days from
/// 1 February at 23:30 end on 2 April at 23:30 whether or not the clocks changed in between
/// (24-hour periods ended at 00:30 on 3 April, a day late on every list). Hours are hours.
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

    /// The instant this long after `start` (before it, `backwards`), days counted on `calendar`.
    public func after(_ start: Date, in calendar: Calendar, backwards: Bool = false) -> Date {
        let sign = backwards ? -1 : 1
        guard hours % 24 == 0, let date = calendar.date(byAdding: .day, value: sign * hours / 24, to: start) else {
            return start.addingTimeInterval(Double(sign) * seconds)
        }
        return date
    }

    public var description: String { hours % 24 == 0 ? "\(hours / 24)d" : "\(hours)h" }

    /// Words for people: `60 days`, `8 hours`.
    public var words: String {
        if hours % 24 == 0 { return hours == 24 ? "1 day" : "\(hours / 24) days" }
        return hours == 1 ? "1 hour" : "\(hours) hours"
    }
}
