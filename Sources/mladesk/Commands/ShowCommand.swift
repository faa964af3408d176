import ArgumentParser
import DeskCore
import DeskStore
import Foundation

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one request with its history, checklist and evidence.")

    @OptionGroup var options: DeskOptions
    @Argument(help: "The request's reference, e.g. OUT-2026-0042.") var reference: RequestReference
    @Option(help: OutputFormat.help) var format: OutputFormat = .text

    func run() throws {
        let (store, data) = try options.openDesk()
        let details = try store.requireDetails(reference)
        if format == .json {
            let deadlines = RequestDeadlines.compute(for: details.request, history: details.history, rules: data.deadlineRules)
            print(try TextOutput.json(ShownRequest(details: details, deadlines: deadlines)))
            return
        }
        print(RequestText.render(details, reference: data).map(TextOutput.safe).joined(separator: "\n"))
    }
}

/// The plain-text form of a request for `show`.
enum RequestText {
    /// One evidence item: category, description, verification state and its SHA-256.
    private static func evidenceLine(_ item: EvidenceItem, _ details: RequestDetails) -> String {
        let sha256 = (item.computedHashes + item.declaredHashes).first { $0.algorithm == .sha256 }
        let hash = sha256.map { " sha256 \($0.value)" } ?? ""
        return "  \(item.category.label): \(item.description) [\(details.integrity(of: item).summary)]" + hash
    }

    static func render(_ details: RequestDetails, reference: ReferenceData) -> [String] {
        let r = details.request
        func name(_ code: CountryCode) -> String {
            reference.country(code).map { "\(code) — \($0.name)" } ?? code.rawValue
        }
        var lines = [
            "\(r.reference)  \(r.direction.label)  \(r.status.label)  [\(r.urgency.label)]",
            "",
            "Country            \(name(r.counterpartCountry))",
            "Counterpart        \(r.counterpartAuthority)",
            "Our authority      \(r.ourAuthority)",
            "Foreign reference  \(r.foreignReference)",
            "Legal basis        \(reference.instrument(r.legalBasis.instrument)?.name ?? r.legalBasis.instrument.rawValue)"
                + (r.legalBasis.articles.isEmpty ? "" : ", art. \(r.legalBasis.articles)"),
            "Types              \(r.types.map { reference.requestType($0)?.label ?? $0.rawValue }.joined(separator: ", "))",
            "Channel            \(r.channel.map { reference.channel($0)?.label ?? $0.rawValue } ?? "—")",
            "Offences           \(r.offences.map { reference.offence($0)?.label ?? $0.rawValue }.joined(separator: ", "))",
            "Operation          \(r.operation)",
            "Officer            \(r.assignedOfficer)",
            "Created            \(TextOutput.moment(r.dates.created))",
            "Sent / received    \(TextOutput.moment(r.dates.sentOrReceived))",
            "Acknowledged       \(TextOutput.moment(r.dates.acknowledged))",
            "Your due date      \(TextOutput.day(r.dates.due))",
            "Completed          \(TextOutput.moment(r.dates.completed))",
            "Version            \(r.version), updated \(TextOutput.moment(r.updatedAt)) by \(r.updatedBy)",
        ]
        func section(_ title: String, _ body: [String]) {
            lines += ["", "== \(title)"] + (body.isEmpty ? ["(none)"] : body)
        }
        section("Summary of facts", r.summaryOfFacts.isEmpty ? [] : r.summaryOfFacts.components(separatedBy: "\n"))
        section("Assistance sought", r.assistanceSought.isEmpty ? [] : r.assistanceSought.components(separatedBy: "\n"))
        section("Identifiers", r.identifiers.map { identifier in
            var text = "\(identifier.kind.label): \(identifier.value)"
            if let at = identifier.observedAt { text += " at \(DeskJSON.formatInstant(at))" }
            if let zone = identifier.timeZone { text += " (\(zone))" }
            if let port = identifier.port { text += " port \(port)" }
            return text
        } + r.serviceProviders.map { "Provider: \($0)" })
        if !r.confidentiality.isEmpty || !r.limitationOfUse.isEmpty {
            section("Confidentiality and use", ["Confidentiality: \(r.confidentiality)", "Limitation of use: \(r.limitationOfUse)"])
        }
        if !r.notes.isEmpty { section("Notes", r.notes.components(separatedBy: "\n")) }
        let deadlines = RequestDeadlines.compute(for: r, history: details.history, rules: reference.deadlineRules)
        section("Deadlines", deadlines.all.map { deadline in
            (deadline == deadlines.next ? "> " : "  ") + "\(TextOutput.moment(deadline.due))  \(deadline.label)"
                + (deadline.extendedDue.map { " (extendable to \(TextOutput.day($0)): mladesk extend \(r.reference) \(deadline.ruleID))" } ?? "")
        })
        section("Checklist (\(ChecklistProgress(details.checklist).meter))", details.checklist.filter { !$0.isObsolete }.map { item in
            "\(ChecklistText.mark(item)) \(item.label)\(item.isRequired ? " *" : "")"
        })
        section("Evidence", details.exchanges.flatMap { exchange in
            let channel = exchange.channel.map { " through \(reference.channel($0)?.label ?? $0.rawValue)" } ?? ""
            return ["\(exchange.flow.rawValue.capitalized) \(TextOutput.moment(exchange.at)) via \(exchange.medium.label)\(channel) \(exchange.transmittalReference)"]
                + (reference.policeChannelWarning(for: exchange.channel).map { ["  !! " + $0] } ?? [])
                + details.items(in: exchange.id).map { evidenceLine($0, details) }
        })
        section("History", details.history.map { change in
            "\(TextOutput.moment(change.at))  \(change.from?.rawValue ?? "—") → \(change.to.rawValue)  \(change.officer)"
                + (change.ground.map { "  ground: \($0)" } ?? "") + (change.note.isEmpty ? "" : "  \(change.note)")
        })
        return lines
    }
}
