import DeskCore
import Foundation

/// The text of each detail section, built from the loaded request; pure, so tests and the
/// scroll logic see exactly the lines that are drawn.
enum DetailContent {
    static func lines(_ section: DetailSection, details: RequestDetails, audit: [AuditEntry], context: DeskContext,
                      now: Date) -> [DetailLine] {
        switch section {
        case .summary: summary(details.request, deadlines: DeadlineLines.deadlines(of: details, context: context),
                               context: context, now: now)
        case .parties: parties(details.request, context: context)
        // The checklist and evidence tabs draw themselves, with a cursor (ChecklistTab, EvidenceTab).
        case .checklist, .evidence: []
        case .history: history(details.history, audit: audit, context: context)
        }
    }

    private static func summary(_ request: Request, deadlines: RequestDeadlines, context: DeskContext,
                                now: Date) -> [DetailLine] {
        let reference = context.reference
        let dates = context.dates
        let country = reference.country(request.counterpartCountry).map { "\(request.counterpartCountry) — \($0.name)" }
            ?? request.counterpartCountry.rawValue
        let instrument = reference.instrument(request.legalBasis.instrument)?.name ?? request.legalBasis.instrument.rawValue
        let articles = request.legalBasis.articles
        let basis = articles.isEmpty ? instrument
            : articles.lowercased().hasPrefix("art") ? "\(instrument), \(articles)" : "\(instrument), Art. \(articles)"
        let types = request.types.map { reference.requestType($0)?.label ?? $0.rawValue }.joined(separator: ", ")
        let offences = request.offences.map { reference.offence($0)?.label ?? $0.rawValue }.joined(separator: ", ")
        let channel = request.channel.map { reference.channel($0)?.label ?? $0.rawValue } ?? ""
        var lines: [DetailLine] = [
            .field("Reference", request.reference.description),
            .field("Direction", request.direction.label),
            .field("Status", request.status.label, role: request.status.isFinal ? .dim : .value),
            .field("Urgency", request.urgency.label, role: request.urgency == .emergency ? .warning : .value),
            .field("Country", country),
            .field("Legal basis", basis),
            .field("Request types", types),
            .field("Offences", offences),
            .field("Channel", channel),
            .field("Foreign reference", request.foreignReference),
            .field("Operation", request.operation),
            .field("Assigned officer", request.assignedOfficer),
            .blank,
            .field("Created", dates.day(request.dates.created)),
            .field(request.direction == .incoming ? "Received" : "Sent",
                   request.dates.sentOrReceived.map(dates.day) ?? ""),
            .field("Acknowledged", request.dates.acknowledged.map(dates.day) ?? ""),
            .field("Completed", request.dates.completed.map(dates.day) ?? ""),
            .field("Last change", "\(dates.minute(request.updatedAt)) by \(request.updatedBy) (version \(request.version))",
                   role: .dim),
            .blank,
        ]
        lines += DeadlineLines.lines(deadlines, request: request, context: context, now: now)
        for (label, text) in [("Summary of facts", request.summaryOfFacts), ("Assistance sought", request.assistanceSought),
                              ("Confidentiality", request.confidentiality), ("Limitation of use", request.limitationOfUse),
                              ("Notes", request.notes)] where !text.isEmpty {
            lines += [.blank, .heading(label)]
            lines += text.split(separator: "\n", omittingEmptySubsequences: false).map { .text(String($0)) }
        }
        return lines
    }

    private static func parties(_ request: Request, context: DeskContext) -> [DetailLine] {
        let countryName = context.reference.country(request.counterpartCountry)?.name ?? request.counterpartCountry.rawValue
        var lines: [DetailLine] = [
            .heading(request.direction == .outgoing ? "Requested state" : "Requesting state"),
            .field("Country", countryName),
            .field("Authority", request.counterpartAuthority),
            .field("Their reference", request.foreignReference),
            .blank,
            .heading("Our side"),
            .field("Authority", request.ourAuthority),
            .field("Assigned officer", request.assignedOfficer),
            .blank,
            .heading("Service providers"),
        ]
        lines += request.serviceProviders.isEmpty ? [.text("none recorded", role: .dim)] : request.serviceProviders.map { .text($0) }
        lines += [.blank, .heading("Identifiers")]
        if request.identifiers.isEmpty { lines.append(.text("none recorded", role: .dim)) }
        for identifier in request.identifiers {
            var facts: [String] = []
            if let seen = IdentifierLines.moment(identifier, timeZone: context.timeZone) {
                facts.append("seen \(seen)")
            } else if let zone = identifier.timeZone, !zone.isEmpty {
                facts.append("(\(zone))")
            }
            if let port = identifier.port { facts.append("port \(port)") }
            let value = ([identifier.value] + facts).joined(separator: "  ")
            lines.append(.field(identifier.kind.label, value))
        }
        return lines
    }

    private static func history(_ history: [StatusChange], audit: [AuditEntry], context: DeskContext) -> [DetailLine] {
        var lines: [DetailLine] = [.heading("Status history")]
        if history.isEmpty { lines.append(.text("none", role: .dim)) }
        for change in history {
            let step = change.from.map { "\($0.label) → \(change.to.label)" } ?? change.to.label
            var text = "\(step) by \(change.officer)"
            if let ground = change.ground {
                text += " — \(context.reference.refusalGround(ground)?.label ?? ground.rawValue)"
            }
            if !change.note.isEmpty { text += " — \(change.note)" }
            lines.append(.field(context.dates.minute(change.at), text))
        }
        lines += [.blank, .heading("Audit trail")]
        if audit.isEmpty { lines.append(.text("none", role: .dim)) }
        for entry in audit {
            let detail = entry.detail.isEmpty ? "" : ": \(entry.detail)"
            lines.append(.field(context.dates.minute(entry.at), "\(entry.officer) \(entry.action) \(entry.entity)\(detail)"))
        }
        return lines
    }
}
