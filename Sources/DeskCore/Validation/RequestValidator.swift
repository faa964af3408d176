import Foundation

/// Checks a request against the rules and the reference data, returning every problem at once
/// so a form can mark all bad fields and an import can name the first.
public struct RequestValidator: Sendable {
    /// Longest text an officer may put in a free-text field; generous, but a bound keeps a
    /// hostile import from filling the disk through one field.
    public static let maxTextLength = 20_000
    public static let maxLineLength = 300

    public let reference: ReferenceData

    public init(reference: ReferenceData) {
        self.reference = reference
    }

    /// With `now`, as forms give it, the dates of what has happened (sent or received,
    /// acknowledged, completed) may not lie after the end of its day; an import leaves it out,
    /// since another desk's clock decided those dates.
    public func validate(_ request: Request, now: Date? = nil) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        func check(_ condition: Bool, _ field: RequestField, _ message: @autoclosure () -> String) {
            if !condition { problems.append(ValidationProblem(field, message())) }
        }

        check(reference.country(request.counterpartCountry) != nil, .counterpartCountry,
              request.counterpartCountry.rawValue.isEmpty
                ? "choose the requested or requesting state"
                : "'\(request.counterpartCountry)' is not a known ISO 3166-1 country code")
        check(reference.instrument(request.legalBasis.instrument) != nil, .instrument,
              request.legalBasis.instrument.rawValue.isEmpty
                ? "choose the legal instrument the request relies on"
                : "'\(request.legalBasis.instrument)' is not a known legal instrument")
        if request.legalBasis.instrument == "eio", let country = reference.country(request.counterpartCountry), !country.takesEIO {
            problems.append(ValidationProblem(.instrument,
                "an EIO goes only between EU Member States bound by the Directive (not Ireland or Denmark), and \(country.name) is not one: choose the instrument that applies"))
        }
        check(!request.types.isEmpty, .types, "choose at least one type of assistance")
        for type in request.types where reference.requestType(type) == nil {
            problems.append(ValidationProblem(.types, "'\(type)' is not a known request type"))
        }
        check(Set(request.types).count == request.types.count, .types, "a request type is listed twice")
        for type in request.types {
            guard let info = reference.requestType(type), let urgency = info.urgency, urgency != request.urgency else { continue }
            problems.append(ValidationProblem(
                .urgency, "a request for \(info.label.lowercased()) has the urgency \(urgency.rawValue): set it, or choose other types"))
        }
        if let channel = request.channel {
            check(reference.channel(channel) != nil, .channel, "'\(channel)' is not a known channel")
        }
        for offence in request.offences where reference.offence(offence) == nil {
            problems.append(ValidationProblem(.offences, "'\(offence)' is not a known offence category"))
        }
        check(Workflow.statuses(for: request.direction).contains(request.status), .direction,
              "status '\(request.status.rawValue)' does not exist for \(request.direction.label.lowercased()) requests")

        let lines: [(RequestField, String)] = [
            (.foreignReference, request.foreignReference), (.counterpartAuthority, request.counterpartAuthority),
            (.ourAuthority, request.ourAuthority), (.articles, request.legalBasis.articles),
            (.operation, request.operation), (.assignedOfficer, request.assignedOfficer),
        ]
        for (field, value) in lines {
            check(Self.fits(value, Self.maxLineLength), field, "is longer than \(Self.maxLineLength) characters")
            check(!value.contains(where: \.isNewline), field, "must be a single line")
        }
        let texts: [(RequestField, String)] = [
            (.summaryOfFacts, request.summaryOfFacts), (.assistanceSought, request.assistanceSought),
            (.confidentiality, request.confidentiality), (.limitationOfUse, request.limitationOfUse),
            (.notes, request.notes),
        ]
        for (field, value) in texts {
            check(Self.fits(value, Self.maxTextLength), field, "is longer than \(Self.maxTextLength) characters")
        }
        for provider in request.serviceProviders {
            check(!provider.trimmingCharacters(in: .whitespaces).isEmpty, .serviceProviders, "a provider name is empty")
        }
        problems.append(contentsOf: identifierProblems(request.identifiers, now: now))
        problems.append(contentsOf: dateProblems(request.dates, now: now))
        return problems
    }

    /// Whether `text` has at most `limit` characters, counted only when its bytes are more: a
    /// character is one byte or more, and counting characters walks grapheme breaks.
    private static func fits(_ text: String, _ limit: Int) -> Bool {
        text.utf8.count <= limit || text.count <= limit
    }

    private func identifierProblems(_ identifiers: [Identifier], now: Date?) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        for (index, identifier) in identifiers.enumerated() {
            let name = "identifier \(index + 1)"
            if identifier.value.trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append(ValidationProblem(.identifiers, "\(name) has no value"))
            }
            if !Self.fits(identifier.value, Self.maxLineLength) {
                problems.append(ValidationProblem(.identifiers, "\(name) is longer than \(Self.maxLineLength) characters"))
            }
            if let problem = IdentifierFormat.problem(identifier) {
                problems.append(ValidationProblem(.identifiers, "\(name): \(problem)"))
            }
            if let port = identifier.port, !(0...65_535).contains(port) {
                problems.append(ValidationProblem(.identifiers, "\(name) has port \(port), outside 0–65535"))
            }
            if let zone = identifier.timeZone, !zone.isEmpty, TimeZone(identifier: zone) == nil {
                problems.append(ValidationProblem(.identifiers, "\(name) has unknown time zone '\(zone)'"))
            }
            if let now, let seen = identifier.observedAt, seen > now {
                problems.append(ValidationProblem(.identifiers, "\(name) was seen in the future: give the time the log gives"))
            }
            if identifier.kind == .ipAddress, identifier.observedAt == nil {
                problems.append(ValidationProblem(
                    .identifiers, "\(name) is an IP address without the time it was seen; providers cannot answer without it"))
            }
        }
        return problems
    }

    private func dateProblems(_ dates: KeyDates, now: Date?) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        for (field, date) in [(RequestField.sentOrReceived, dates.sentOrReceived), (.acknowledged, dates.acknowledged),
                              (.completed, dates.completed)] {
            if let early = RecordTime.tooEarly(date, "the date") { problems.append(ValidationProblem(field, early)) }
        }
        if let now {
            for (field, date) in [(RequestField.sentOrReceived, dates.sentOrReceived), (.acknowledged, dates.acknowledged),
                                  (.completed, dates.completed)] {
                if let date, date > now {
                    problems.append(ValidationProblem(field, "is in the future: give the day it happened"))
                }
            }
        }
        if let sent = dates.sentOrReceived, let acknowledged = dates.acknowledged, acknowledged < sent {
            problems.append(ValidationProblem(.acknowledged, "is before the date sent or received"))
        }
        if let sent = dates.sentOrReceived, let completed = dates.completed, completed < sent {
            problems.append(ValidationProblem(.completed, "is before the date sent or received"))
        }
        return problems
    }
}
