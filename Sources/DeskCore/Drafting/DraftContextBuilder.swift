import Foundation

/// Turns a request, its history and evidence, and the reference data into the fields
/// templates use, with codes resolved to their names and instants written in local time.
///
/// Field names are lower-case with underscores so that officers editing a template can read
/// them. Every field is always present, empty when the request lacks the data, so
/// ``DraftGaps`` can name what is missing.
public enum DraftContextBuilder {
    public static func build(_ details: RequestDetails, reference: ReferenceData, officer: String, now: Date,
                             timeZone: TimeZone = .current) -> DraftContext {
        let r = details.request
        let day = { (date: Date?) in date.map { LocalTime.formatDay($0, timeZone: timeZone) } ?? "" }
        let instrument = reference.instrument(r.legalBasis.instrument)
        let refusal = details.history.last { $0.to == .refused }
        let postponement = details.history.last { $0.to == .postponed }
        let clarification = details.history.last { $0.to == .clarificationRequested || $0.to == .additionalInfoRequested }
        let ground = refusal?.ground.flatMap(reference.refusalGround)
        var fields: [String: DraftValue] = [
            "reference": .text(r.reference.description),
            "foreign_reference": .text(r.foreignReference),
            "direction": .text(r.direction.label),
            "is_outgoing": .flag(r.direction == .outgoing),
            "is_incoming": .flag(r.direction == .incoming),
            "today": .text(day(now)),
            "officer": .text(officer),
            "assigned_officer": .text(r.assignedOfficer),
            "our_authority": .text(r.ourAuthority),
            "counterpart_authority": .text(r.counterpartAuthority),
            "country": .text(reference.country(r.counterpartCountry)?.name ?? r.counterpartCountry.rawValue),
            "country_code": .text(r.counterpartCountry.rawValue),
            "instrument": .text(instrument?.name ?? r.legalBasis.instrument.rawValue),
            "instrument_short": .text(instrument?.shortName ?? r.legalBasis.instrument.rawValue),
            "articles": .text(r.legalBasis.articles),
            "article_list": .list(articleList(r.legalBasis.articles, instrument: instrument)),
            "legal_basis": .text(legalBasis(r.legalBasis, instrument: instrument)),
            "is_mla_instrument": .flag(instrument?.isMLA ?? true),
            "request_types": .text(r.types.map { reference.requestType($0)?.label ?? $0.rawValue }.joined(separator: "; ")),
            "type_list": .list(r.types.map { type in
                DraftContext(["label": .text(reference.requestType(type)?.label ?? type.rawValue),
                              "description": .text(reference.requestType(type)?.description ?? "")])
            }),
            "channel": .text(r.channel.map { reference.channel($0)?.label ?? $0.rawValue } ?? ""),
            "urgency": .text(reference.urgency(r.urgency)?.label ?? r.urgency.label),
            "is_urgent": .flag(r.urgency >= .urgent),
            "is_emergency": .flag(r.urgency == .emergency),
            "offences": .text(r.offences.map { reference.offence($0)?.label ?? $0.rawValue }.joined(separator: "; ")),
            "offence_list": .list(r.offences.map { offence in
                DraftContext(["label": .text(reference.offence(offence)?.label ?? offence.rawValue),
                              "budapest_article": .text(reference.offence(offence)?.budapestArticle ?? "")])
            }),
            "facts": .text(r.summaryOfFacts),
            "assistance": .text(r.assistanceSought),
            "identifiers": .list(r.identifiers.map { identifierRecord($0, timeZone: timeZone) }),
            "service_providers": .list(r.serviceProviders.map { DraftContext(["name": .text($0)]) }),
            "operation": .text(r.operation),
            "confidentiality": .text(r.confidentiality),
            "limitation_of_use": .text(r.limitationOfUse),
            "status": .text(r.status.label),
            "created": .text(day(r.dates.created)),
            "sent": .text(day(r.dates.sentOrReceived)),
            "received": .text(day(r.dates.sentOrReceived)),
            "acknowledged": .text(day(r.dates.acknowledged)),
            "due": .text(day(r.dates.due)),
            "completed": .text(day(r.dates.completed)),
            "time_since_sent": .text(r.dates.sentOrReceived.map { Self.timeSince($0, now: now) } ?? ""),
            "is_refused": .flag(r.status == .refused),
            "is_postponed": .flag(r.status == .postponed),
            "refusal_ground": .text(ground?.label ?? refusal?.ground?.rawValue ?? ""),
            "refusal_basis": .text(ground?.basis ?? ""),
            "refusal_note": .text(refusal?.note ?? ""),
            "postponement_reason": .text(postponement?.note ?? ""),
            "information_needed": .text(clarification?.note ?? ""),
        ]
        for (name, value) in transmittal(details, reference: reference, timeZone: timeZone) {
            fields[name] = value
        }
        return DraftContext(fields)
    }

    /// `Convention on Cybercrime (…), Articles 25 and 31`.
    static func legalBasis(_ basis: LegalBasis, instrument: Instrument?) -> String {
        let name = instrument?.name ?? basis.instrument.rawValue
        let numbers = articleNumbers(basis.articles)
        switch numbers.count {
        case 0: return name
        case 1: return "\(name), Article \(numbers[0])"
        default: return "\(name), Articles \(numbers.dropLast().joined(separator: ", ")) and \(numbers.last!)"
        }
    }

    /// "12 days have passed", "1 day has passed", "Less than a day has passed": a sentence's
    /// subject and verb, agreeing with the number.
    static func timeSince(_ date: Date, now: Date) -> String {
        let days = max(0, Int(now.timeIntervalSince(date) / 86_400))
        switch days {
        case 0: return "Less than a day has passed"
        case 1: return "1 day has passed"
        default: return "\(days) days have passed"
        }
    }

    /// Splits `25, 31` or `29(1); 30` into the article numbers as written.
    static func articleNumbers(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == ";" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .map { $0.replacingOccurrences(of: "Art. ", with: "").replacingOccurrences(of: "Article ", with: "") }
            .filter { !$0.isEmpty }
    }

    private static func articleList(_ text: String, instrument: Instrument?) -> [DraftContext] {
        articleNumbers(text).map { number in
            let bare = String(number.prefix { $0.isNumber || $0.isLetter })
            let title = instrument?.articles.first { $0.number == number || $0.number == bare }?.title ?? ""
            return DraftContext(["number": .text(number), "title": .text(title)])
        }
    }

    private static func identifierRecord(_ identifier: Identifier, timeZone: TimeZone) -> DraftContext {
        DraftContext([
            "kind": .text(identifier.kind.label),
            "value": .text(identifier.value),
            "observed_at": .text(identifier.observedAt.map(utcMoment) ?? ""),
            "time_zone": .text(identifier.timeZone ?? ""),
            "port": .text(identifier.port.map(String.init) ?? ""),
            "is_ip": .flag(identifier.kind == .ipAddress),
        ])
    }

    /// Providers answer on exact UTC times, so identifier times are written in UTC to the second.
    static func utcMoment(_ date: Date) -> String {
        let text = DeskJSON.formatInstant(date)
        return String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(8)) + " UTC"
    }

    /// The latest evidence exchange this desk sent, and its items: what a transmittal note lists.
    private static func transmittal(_ details: RequestDetails, reference: ReferenceData,
                                    timeZone: TimeZone) -> [String: DraftValue] {
        let exchange = details.exchanges.filter { $0.flow == .sent }.max { $0.at < $1.at }
        let items = exchange.map { sent in details.items.filter { $0.exchangeID == sent.id } } ?? []
        let records = items.enumerated().map { index, item in
            let sha256 = (item.computedHashes + item.declaredHashes).first { $0.algorithm == .sha256 }?.value ?? ""
            return DraftContext([
                "number": .text(String(index + 1)),
                "description": .text(item.description),
                "category": .text(item.category.label),
                "file_name": .text(item.originalFileName),
                "size": .text(item.size.map { "\($0) bytes" } ?? ""),
                "sha256": .text(sha256),
            ])
        }
        return [
            "evidence": .list(records),
            "evidence_count": .text(records.isEmpty ? "" : String(records.count)),
            "transmittal_reference": .text(exchange?.transmittalReference ?? ""),
            "transmittal_date": .text(exchange.map { LocalTime.formatDay($0.at, timeZone: timeZone) } ?? ""),
            "transmittal_medium": .text(exchange?.medium.label ?? ""),
            "transmittal_channel": .text(exchange?.channel.map { reference.channel($0)?.label ?? $0.rawValue } ?? ""),
            "transmittal_recipient": .text(exchange?.counterpartPerson ?? ""),
            "handling_code": .text(exchange?.handling.code?.rawValue ?? ""),
            "handling_confidentiality": .text(exchange?.handling.confidentiality ?? ""),
            "handling_limitation": .text(exchange?.handling.limitationOfUse ?? ""),
        ]
    }
}
