import DeskCore
import Foundation

/// The request form's identifiers, one a line, as an officer copies them from a log:
///
///     ip_address 203.0.113.7 2026-11-02 08:15:30 Europe/Berlin port 443
///     email kmj@example.jp
///
/// the kind (its word or label: `ip`, `e-mail`, `account`…), the value, then, in any order, the
/// moment it was seen (`YYYY-MM-DD HH:MM[:SS]`, read in the zone given on the line, else in the
/// desk's), the zone as logged and the port. A line left as the form showed it keeps its stored
/// identifier exactly, milliseconds and zone included.
enum IdentifierLines {
    static let example = "ip_address 203.0.113.7 2026-11-02 08:15 Europe/Berlin port 443"

    static func text(_ identifiers: [Identifier], timeZone: TimeZone) -> String {
        identifiers.map { line($0, timeZone: timeZone) }.joined(separator: "\n")
    }

    static func line(_ identifier: Identifier, timeZone: TimeZone) -> String {
        var parts = [identifier.kind.rawValue, identifier.value]
        if let seen = moment(identifier, timeZone: timeZone) {
            parts.append(seen)
        } else if let zone = identifier.timeZone, !zone.isEmpty {
            parts.append(zone)
        }
        if let port = identifier.port { parts += ["port", String(port)] }
        return parts.joined(separator: " ")
    }

    /// When the identifier was seen, as the log gave it: the day and time in the zone it names
    /// (seconds when there are any), followed by that zone; in the desk's zone when it names none.
    /// The request page and the form show it alike.
    static func moment(_ identifier: Identifier, timeZone: TimeZone) -> String? {
        guard let seen = identifier.observedAt else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = identifier.timeZone.flatMap(TimeZone.init(identifier:)) ?? timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: seen)
        var parts = [String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)]
        parts.append(c.second == 0
            ? String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
            : String(format: "%02d:%02d:%02d", c.hour ?? 0, c.minute ?? 0, c.second ?? 0))
        if let zone = identifier.timeZone, !zone.isEmpty { parts.append(zone) }
        return parts.joined(separator: " ")
    }

    /// The identifiers the text describes, and one sentence per line that could not be read.
    static func parse(_ text: String, stored: [Identifier], timeZone: TimeZone) -> (identifiers: [Identifier], problems: [String]) {
        let kept = Dictionary(stored.map { (line($0, timeZone: timeZone), $0) }, uniquingKeysWith: { first, _ in first })
        var identifiers: [Identifier] = []
        var problems: [String] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        for (index, line) in lines.enumerated() where !line.isEmpty {
            if let same = kept[line] {
                identifiers.append(same)
                continue
            }
            switch read(line, timeZone: timeZone) {
            case let .success(identifier): identifiers.append(identifier)
            case let .failure(problem): problems.append("line \(index + 1): \(problem.text)")
            }
        }
        return (identifiers, problems)
    }

    private struct Problem: Error {
        var text: String
    }

    private static func read(_ line: String, timeZone: TimeZone) -> Result<Identifier, Problem> {
        let tokens = line.split(whereSeparator: \.isWhitespace).map(String.init)
        guard tokens.count >= 2 else { return .failure(Problem(text: "write the kind and the value, e.g. \(example)")) }
        guard let kind = kind(named: tokens[0]) else {
            let kinds = Identifier.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            return .failure(Problem(text: "'\(tokens[0])' is not a kind of identifier; use \(kinds)"))
        }
        var value = tokens[1]
        var following = tokens.dropFirst(2)
        if kind == .phone {
            // A number is often written in groups: +30 210 1234567.
            while let group = following.first, Self.day(group) == nil, Self.time(group) == nil,
                  group.contains(where: \.isNumber), group.allSatisfy({ $0.isNumber || "+()-.".contains($0) }) {
                value += " " + group
                following = following.dropFirst()
            }
        }
        var day: DateComponents?
        var time: (hour: Int, minute: Int, second: Int)?
        var zone: String?
        var port: Int?
        var rest = following.makeIterator()
        while let token = rest.next() {
            if let parsed = Self.day(token) {
                day = parsed
            } else if let parsed = Self.time(token) {
                time = parsed
            } else if token.lowercased() == "port" {
                guard let next = rest.next(), let number = Int(next) else {
                    return .failure(Problem(text: "'port' needs its number, e.g. port 443"))
                }
                port = number
            } else if TimeZone(identifier: token) != nil {
                zone = token
            } else {
                return .failure(Problem(
                    text: "'\(token)' is not a day (YYYY-MM-DD), a time (HH:MM), a time zone (Europe/Berlin) or a port (port 443)"))
            }
        }
        if time != nil, day == nil { return .failure(Problem(text: "a time needs its day (YYYY-MM-DD HH:MM)")) }
        var seen: Date?
        if var components = day {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone.flatMap(TimeZone.init(identifier:)) ?? timeZone
            components.hour = time?.hour ?? 0
            components.minute = time?.minute ?? 0
            components.second = time?.second ?? 0
            var dayAlone = Calendar(identifier: .gregorian)
            dayAlone.timeZone = TimeZone(identifier: "UTC")!
            guard DateComponents(year: components.year, month: components.month, day: components.day).isValidDate(in: dayAlone)
            else { return .failure(Problem(text: "the day is not a date of the calendar")) }
            guard components.isValidDate(in: calendar), let date = calendar.date(from: components) else {
                return .failure(Problem(text: Self.skipped(components, in: calendar)))
            }
            if let problem = Self.clockChangeProblem(components, at: date, in: calendar) {
                return .failure(Problem(text: problem))
            }
            seen = date
        }
        return .success(Identifier(kind: kind, value: value, observedAt: seen, timeZone: zone, port: port))
    }

    /// A local time the clocks skipped or passed twice when daylight saving began or ended:
    /// the instant would be a guess, and for an address shared by many subscribers an hour's
    /// error names the wrong one. The officer gives the time in UTC instead, as logs usually do.
    private static func clockChangeProblem(_ wall: DateComponents, at date: Date, in calendar: Calendar) -> String? {
        let fields: Set<Calendar.Component> = [.year, .month, .day, .hour, .minute, .second]
        func sameWall(_ instant: Date) -> Bool {
            let other = calendar.dateComponents(fields, from: instant)
            return (other.year, other.month, other.day, other.hour, other.minute, other.second)
                == (wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second)
        }
        if !sameWall(date) { return skipped(wall, in: calendar) }
        if sameWall(date.addingTimeInterval(3_600)) || sameWall(date.addingTimeInterval(-3_600)) {
            return "\(wallText(wall)) happens twice in \(calendar.timeZone.identifier): the clocks went back then; "
                + "give the time in UTC as the log gives it"
        }
        return nil
    }

    private static func skipped(_ wall: DateComponents, in calendar: Calendar) -> String {
        "\(wallText(wall)) does not exist in \(calendar.timeZone.identifier): the clocks went forward then; "
            + "give the time in UTC as the log gives it"
    }

    private static func wallText(_ wall: DateComponents) -> String {
        String(format: "%04d-%02d-%02d %02d:%02d", wall.year ?? 0, wall.month ?? 0, wall.day ?? 0, wall.hour ?? 0, wall.minute ?? 0)
    }

    private static func kind(named word: String) -> Identifier.Kind? {
        let key = word.lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "")
        switch key {
        case "ip", "ipaddress": return .ipAddress
        default:
            return Identifier.Kind.allCases.first {
                $0.rawValue.replacingOccurrences(of: "_", with: "") == key
                    || $0.label.lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: " ", with: "") == key
            }
        }
    }

    private static func day(_ token: String) -> DateComponents? {
        let parts = token.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        return DateComponents(year: year, month: month, day: day)
    }

    private static func time(_ token: String) -> (hour: Int, minute: Int, second: Int)? {
        let parts = token.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard (2...3).contains(parts.count), parts.allSatisfy({ $0 != nil }), token.count == 3 * parts.count - 1 else { return nil }
        let (hour, minute, second) = (parts[0]!, parts[1]!, parts.count == 3 ? parts[2]! : 0)
        guard (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second) else { return nil }
        return (hour, minute, second)
    }
}
