import DeskCore
import Foundation
import TermUI

/// Converts between a ``Request`` and the text and selections of a request form, in both
/// directions, reporting text that cannot become a request value (a malformed date) as a
/// problem of its field rather than failing.
public enum RequestDraft {
    /// The fields of the request form, in the order Tab visits them.
    public static func fields(isNew: Bool) -> [FormField] {
        var fields: [FormField] = []
        if isNew { fields.append(FormField(.direction, .choice, required: true)) }
        fields += [
            FormField(.counterpartCountry, .choice, required: true),
            FormField(.counterpartAuthority, .text),
            FormField(.ourAuthority, .text),
            FormField(.foreignReference, .text),
            FormField(.instrument, .choice, required: true),
            FormField(.articles, .text),
            FormField(.types, .multiChoice, required: true),
            FormField(.channel, .choice),
            FormField(.urgency, .choice),
            FormField(.offences, .multiChoice),
            FormField(.operation, .text),
            FormField(.assignedOfficer, .text),
            FormField(.sentOrReceived, .date),
            FormField(.acknowledged, .date),
            FormField(.due, .date),
            FormField(.completed, .date),
            FormField(.summaryOfFacts, .area(rows: 4)),
            FormField(.assistanceSought, .area(rows: 4)),
            FormField(.identifiers, .area(rows: 3)),
            FormField(.serviceProviders, .text),
            FormField(.confidentiality, .text),
            FormField(.limitationOfUse, .text),
            FormField(.notes, .area(rows: 3)),
        ]
        return fields
    }

    /// The form's values for a request (for a new one, a blank outgoing draft).
    public static func values(for request: Request?, fields: [FormField], context: DeskContext) -> [FieldValue] {
        let dates = context.dates
        let reference = context.reference
        func day(_ date: Date?) -> FieldValue { .text(TextFieldState(date.map(dates.day) ?? "")) }
        func text(_ value: String) -> FieldValue { .text(TextFieldState(value)) }
        func choice(_ options: [ChoiceOption], _ selected: [String], multi: Bool = false) -> FieldValue {
            var state = ChoiceState(options: options, selected: selected, isMulti: multi)
            state.highlightSelection()
            return .choice(state)
        }
        return fields.map { field in
            switch field.id {
            case .direction:
                return choice(Direction.allCases.reversed().map { ChoiceOption(id: $0.rawValue, label: $0.label) },
                              [(request?.direction ?? .outgoing).rawValue])
            case .counterpartCountry:
                let options = reference.countries.map { ChoiceOption(id: $0.code.rawValue, label: "\($0.code)  \($0.name)") }
                let code = request?.counterpartCountry.rawValue ?? ""
                return choice(options, code.isEmpty ? [] : [code])
            case .counterpartAuthority: return text(request?.counterpartAuthority ?? "")
            case .ourAuthority: return text(request?.ourAuthority ?? "")
            case .foreignReference: return text(request?.foreignReference ?? "")
            case .instrument:
                let options = reference.instruments.map { ChoiceOption(id: $0.id.rawValue, label: $0.name) }
                let id = request?.legalBasis.instrument.rawValue ?? ""
                return choice(options, id.isEmpty ? [] : [id])
            case .articles: return text(request?.legalBasis.articles ?? "")
            case .types:
                let options = reference.requestTypes.map { ChoiceOption(id: $0.id.rawValue, label: $0.label) }
                return choice(options, request?.types.map(\.rawValue) ?? [], multi: true)
            case .channel:
                let options = [ChoiceOption(id: "", label: "(not chosen)")]
                    + reference.channels.map { ChoiceOption(id: $0.id.rawValue, label: $0.label) }
                return choice(options, [request?.channel?.rawValue ?? ""])
            case .urgency:
                let options = Urgency.allCases.map { ChoiceOption(id: $0.rawValue, label: $0.label) }
                return choice(options, [(request?.urgency ?? .routine).rawValue])
            case .offences:
                let options = reference.offences.map { ChoiceOption(id: $0.id.rawValue, label: $0.label) }
                return choice(options, request?.offences.map(\.rawValue) ?? [], multi: true)
            case .operation: return text(request?.operation ?? "")
            case .assignedOfficer: return text(request?.assignedOfficer ?? context.officer)
            case .sentOrReceived: return day(request?.dates.sentOrReceived)
            case .acknowledged: return day(request?.dates.acknowledged)
            case .due: return day(request?.dates.due)
            case .completed: return day(request?.dates.completed)
            case .summaryOfFacts: return .area(TextAreaState(request?.summaryOfFacts ?? ""))
            case .assistanceSought: return .area(TextAreaState(request?.assistanceSought ?? ""))
            case .serviceProviders: return text(request?.serviceProviders.joined(separator: ", ") ?? "")
            case .confidentiality: return text(request?.confidentiality ?? "")
            case .limitationOfUse: return text(request?.limitationOfUse ?? "")
            case .notes: return .area(TextAreaState(request?.notes ?? ""))
            case .identifiers:
                return .area(TextAreaState(IdentifierLines.text(request?.identifiers ?? [], timeZone: context.timeZone)))
            }
        }
    }

    /// The request the form describes, and the fields whose text could not be read.
    public static func request(from form: RequestFormState, context: DeskContext, now: Date)
        -> (request: Request, problems: [ValidationProblem])
    {
        let dates = context.dates
        var problems: [ValidationProblem] = []
        func text(_ id: RequestField) -> String { form.value(id)?.text ?? "" }
        func single(_ id: RequestField) -> String { form.value(id)?.selected.first ?? "" }
        /// The form shows a day; an instant whose day is left as shown keeps its time (a status
        /// change stamps the minute) rather than becoming that day's midnight.
        func day(_ id: RequestField, was stored: Date?) -> Date? {
            let typed = text(id).trimmingCharacters(in: .whitespaces)
            guard !typed.isEmpty else { return nil }
            if let stored, typed == dates.day(stored) { return stored }
            guard let date = dates.parseDay(typed) else {
                problems.append(ValidationProblem(id, "'\(typed)' is not a date; write it as YYYY-MM-DD, e.g. \(dates.day(now))"))
                return nil
            }
            return date
        }

        /// The text the form showed for the stored request, to tell a field the officer left
        /// alone: it keeps its stored value exactly (a provider named "Co., Ltd." that the form
        /// shows joined by commas, a note with CRLF line ends the text area shows as LF).
        let shown = form.original.map { Self.values(for: $0, fields: form.fields, context: context) } ?? []
        func untouched(_ id: RequestField) -> Bool {
            guard let index = form.fields.firstIndex(where: { $0.id == id }), shown.indices.contains(index) else { return false }
            return shown[index].text == text(id)
        }

        /// A one-line field without the spaces around it ("Café " would read "Café ," in a
        /// letter); a field left alone keeps its stored value, so an untouched form changes nothing.
        func line(_ id: RequestField, was stored: String?) -> String {
            if let stored, untouched(id) { return stored }
            return text(id).trimmingCharacters(in: .whitespaces)
        }

        /// A text area as typed; left alone, its stored value.
        func area(_ id: RequestField, was stored: String?) -> String {
            if let stored, untouched(id) { return stored }
            return text(id)
        }

        /// What a multiple choice holds, in the order the request held it, new choices after
        /// them in the list's order: the first type is the request's primary type, and saving a
        /// form must not reorder what the officer did not touch.
        func chosen(_ id: RequestField, stored: [String]) -> [String] {
            let selected = form.value(id)?.selected ?? []
            var kept: [String] = []
            for entry in stored where selected.contains(entry) && !kept.contains(entry) { kept.append(entry) }
            return kept + selected.filter { !kept.contains($0) }
        }

        var request: Request
        if let original = form.original {
            request = original
        } else {
            let direction = Direction(rawValue: single(.direction)) ?? .outgoing
            let year = Calendar(identifier: .gregorian).dateComponents(in: context.timeZone, from: now).year ?? 2000
            request = Request(reference: RequestReference(direction: direction, year: year, sequence: 1),
                              counterpartCountry: "", legalBasis: LegalBasis(instrument: ""), types: [],
                              dates: KeyDates(created: now), updatedBy: context.officer)
        }
        request.counterpartCountry = CountryCode(single(.counterpartCountry))
        let original = form.original
        request.counterpartAuthority = line(.counterpartAuthority, was: original?.counterpartAuthority)
        request.ourAuthority = line(.ourAuthority, was: original?.ourAuthority)
        request.foreignReference = line(.foreignReference, was: original?.foreignReference)
        request.legalBasis = LegalBasis(instrument: InstrumentID(single(.instrument)),
                                        articles: line(.articles, was: original?.legalBasis.articles))
        request.types = chosen(.types, stored: original?.types.map(\.rawValue) ?? []).map { RequestTypeID($0) }
        let channel = single(.channel)
        request.channel = channel.isEmpty ? nil : ChannelID(channel)
        request.urgency = Urgency(rawValue: single(.urgency)) ?? .routine
        request.offences = chosen(.offences, stored: original?.offences.map(\.rawValue) ?? []).map { OffenceID($0) }
        request.operation = line(.operation, was: original?.operation)
        request.assignedOfficer = line(.assignedOfficer, was: original?.assignedOfficer)
        request.dates.sentOrReceived = day(.sentOrReceived, was: form.original?.dates.sentOrReceived)
        request.dates.acknowledged = day(.acknowledged, was: form.original?.dates.acknowledged)
        request.dates.due = day(.due, was: form.original?.dates.due).map { date in
            date == form.original?.dates.due ? date : dates.endOfDay(date)
        }
        request.dates.completed = day(.completed, was: form.original?.dates.completed)
        request.summaryOfFacts = area(.summaryOfFacts, was: original?.summaryOfFacts)
        request.assistanceSought = area(.assistanceSought, was: original?.assistanceSought)
        if let original, untouched(.serviceProviders) {
            request.serviceProviders = original.serviceProviders
        } else {
            request.serviceProviders = text(.serviceProviders).split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
        }
        request.confidentiality = line(.confidentiality, was: original?.confidentiality)
        request.limitationOfUse = line(.limitationOfUse, was: original?.limitationOfUse)
        request.notes = area(.notes, was: original?.notes)
        let identifiers = IdentifierLines.parse(text(.identifiers), stored: form.original?.identifiers ?? [],
                                                timeZone: context.timeZone)
        request.identifiers = identifiers.identifiers
        problems += identifiers.problems.map { ValidationProblem(.identifiers, $0) }
        return (request, problems)
    }
}

extension RequestFormState {
    /// A blank form for a new request.
    public init(newRequestWith context: DeskContext) {
        let fields = RequestDraft.fields(isNew: true)
        self.init(mode: .new, fields: fields, values: RequestDraft.values(for: nil, fields: fields, context: context))
    }

    /// A form holding a stored request.
    public init(editing request: Request, context: DeskContext) {
        let fields = RequestDraft.fields(isNew: false)
        self.init(mode: .edit(request), fields: fields,
                  values: RequestDraft.values(for: request, fields: fields, context: context))
    }
}
