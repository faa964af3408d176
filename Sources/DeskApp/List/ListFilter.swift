import DeskCore
import Foundation

/// What the officer typed on the filter line, read into query fields.
///
/// Words of the form `field:value` filter by field (`status:draft`, `country:DE`,
/// `type:preservation`, `urgency:emergency`, `officer:NAME` (part of it will do), `due:7d` for what falls due in the
/// coming week and is not overdue yet, `expiring:14d` for preservations that lapse within two
/// weeks or have lapsed); the bare words
/// `overdue` and `open` are flags; everything else is searched as text. A token that cannot be
/// understood is reported in plain words and ignored, so a typo never empties the list silently.
public struct ListFilter: Equatable, Sendable {
    public var statuses: [RequestStatus] = []
    public var country: CountryCode?
    public var type: RequestTypeID?
    public var urgency: Urgency?
    public var officer: String?
    public var overdue = false
    public var openOnly = false
    public var dueWithinDays: Int?
    public var expiringWithinDays: Int?
    public var text = ""
    /// One sentence per token that was not understood.
    public var problems: [String] = []
    /// The fields named so far, so that one named twice is said to be.
    private var given: Set<String> = []

    public init() {}

    /// Reads a filter line. Field names and values are case-insensitive.
    public init(parsing line: String) {
        var words: [String] = []
        for token in line.split(whereSeparator: \.isWhitespace).map(String.init) {
            if !apply(token) { words.append(token) }
        }
        text = words.joined(separator: " ")
        problems += SearchTerms(text).tooShort.map { "'\($0)' is too short to search; type two characters or more" }
        problems += words.filter { word in
            let terms = SearchTerms(word)
            return terms.isEmpty && terms.tooShort.isEmpty && word.contains { $0 != "\"" }
        }.map { "'\($0)' is not searched: it holds no letter or digit" }
    }

    /// Fills the filter's fields into `query`, keeping its direction and sort.
    public func apply(to query: inout RequestQuery, now: Date) {
        query.statuses = statuses
        query.country = country
        query.type = type
        query.urgency = urgency
        query.officer = officer
        query.overdueAt = overdue ? now : nil
        query.dueBefore = dueWithinDays.map { now.addingTimeInterval(TimeInterval($0) * 86_400) }
        query.dueFrom = dueWithinDays.map { _ in now }
        query.preservationBefore = expiringWithinDays.map { now.addingTimeInterval(TimeInterval($0) * 86_400) }
        query.openOnly = openOnly
        query.text = text
    }

    /// Handles a token that filters by field; `false` when it is a search word.
    private mutating func apply(_ token: String) -> Bool {
        let lower = token.lowercased()
        if lower == "overdue" {
            overdue = true
            return true
        }
        if lower == "open" {
            openOnly = true
            return true
        }
        guard let colon = token.firstIndex(of: ":") else { return false }
        let name = token[..<colon].lowercased()
        let value = String(token[token.index(after: colon)...])
        guard Self.fieldNames.contains(name) else {
            if let meant = Self.fieldNames.first(where: { Self.isSlip(name, of: $0) }) {
                problems.append("'\(token)' is searched as words; did you mean \(meant):?")
            }
            return false
        }
        guard !value.isEmpty else {
            problems.append("'\(name):' needs a value, e.g. \(Self.example(name))")
            return true
        }
        if name != "status", !given.insert(name).inserted {
            problems.append("'\(name):' given twice; using '\(value)'")
        }
        switch name {
        case "status":
            for word in value.split(separator: ",") {
                if let status = Self.status(named: String(word)) {
                    statuses.append(status)
                } else {
                    problems.append("'\(word)' is not a status; try e.g. status:draft or status:in_execution")
                }
            }
        case "country":
            country = CountryCode(value.count == 2 ? value.uppercased() : value)
        case "type":
            type = RequestTypeID(value.lowercased())
        case "urgency":
            if let level = Urgency(rawValue: value.lowercased()) {
                urgency = level
            } else {
                problems.append("'\(value)' is not an urgency; use routine, urgent or emergency")
            }
        case "officer":
            officer = value
        case "due", "expiring":
            let digits = value.lowercased().hasSuffix("d") ? String(value.dropLast()) : value
            if let days = Int(digits), (0...DeadlinePeriod.longest.hours / 24).contains(days) {
                if name == "due" { dueWithinDays = days } else { expiringWithinDays = days }
            } else {
                problems.append("'\(value)' is not a number of days; use e.g. \(name):7d")
            }
        default:
            return false
        }
        return true
    }

    private static let fieldNames: Set<String> = ["status", "country", "type", "urgency", "officer", "due", "expiring"]

    /// Whether `typed`, a word before a colon, reads as `field` mistyped: letters only, and one
    /// letter left out, added, changed or two swapped (`contry`, `stauts`). Other words with a
    /// colon (an IPv6 address, a time, a URL's scheme) are searched as they are, without a word.
    static func isSlip(_ typed: String, of field: String) -> Bool {
        let a = Array(typed), b = Array(field)
        guard a.count >= 3, a.allSatisfy(\.isLetter), a != b, abs(a.count - b.count) <= 1 else { return false }
        if a.count == b.count {
            let differ = a.indices.filter { a[$0] != b[$0] }
            return differ.count == 1 || (differ.count == 2 && differ[1] == differ[0] + 1
                && a[differ[0]] == b[differ[1]] && a[differ[1]] == b[differ[0]])
        }
        let (long, short) = a.count > b.count ? (a, b) : (b, a)
        return long.indices.contains { long.prefix($0) + long.dropFirst($0 + 1) == short[...] }
    }

    private static func example(_ name: String) -> String {
        switch name {
        case "status": "status:draft"
        case "country": "country:DE"
        case "type": "type:preservation"
        case "urgency": "urgency:emergency"
        case "officer": "officer:müller"
        case "expiring": "expiring:14d"
        default: "due:7d"
        }
    }

    /// Accepts the stored word (`in_execution`), with dashes, or the label without spaces.
    static func status(named word: String) -> RequestStatus? {
        let key = word.lowercased().replacingOccurrences(of: "-", with: "_")
        if let status = RequestStatus(rawValue: key) { return status }
        let squashed = key.replacingOccurrences(of: "_", with: "")
        return RequestStatus.allCases.first {
            $0.label.lowercased().replacingOccurrences(of: " ", with: "") == squashed
        }
    }
}
