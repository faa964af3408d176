import DeskCore
import Foundation
import TermUI

/// Builds the evidence forms (fields and starting values for each purpose) and reads a filled
/// form back into an ``EvidenceOrder``, reporting unreadable text as a problem of its field.
public enum EvidenceDraft {
    typealias Field = EvidenceFormState.Field

    public static func form(_ purpose: EvidenceFormState.Purpose, context: DeskContext, now: Date) -> EvidenceFormState {
        let dates = context.dates
        let today = TextFieldState(dates.day(now))
        let time = TextFieldState(String(dates.minute(now).suffix(5)))
        var fields: [Field] = []
        var values: [FieldValue] = []
        func add(_ field: Field, _ value: FieldValue) {
            fields.append(field)
            values.append(value)
        }
        func text(_ value: String = "") -> FieldValue { .text(TextFieldState(value)) }
        switch purpose {
        case .exchange(let request):
            let flow: EvidenceExchange.Flow = request.direction == .outgoing ? .received : .sent
            add(Field(.flow, .choice, required: true),
                choice([EvidenceExchange.Flow.received, .sent].map { ChoiceOption(id: $0.rawValue, label: $0 == .received ? "Received" : "Sent") },
                       flow.rawValue))
            add(Field(.date, .date, required: true), .text(today))
            add(Field(.time, .text), .text(time))
            add(Field(.channel, .choice),
                choice([ChoiceOption(id: "", label: "(not chosen)")]
                    + context.reference.channels.map { ChoiceOption(id: $0.id.rawValue, label: $0.label) },
                    request.channel?.rawValue ?? ""))
            add(Field(.medium, .choice, required: true),
                choice(EvidenceExchange.Medium.allCases.map { ChoiceOption(id: $0.rawValue, label: $0.label) },
                       EvidenceExchange.Medium.securePortal.rawValue))
            add(Field(.counterpartAuthority, .text), text(request.counterpartAuthority))
            add(Field(.counterpartPerson, .text), text())
            add(Field(.transmittal, .text), text())
            add(Field(.handlingCode, .choice),
                choice([ChoiceOption(id: "", label: "(none)")]
                    + HandlingRestrictions.Code.allCases.map { ChoiceOption(id: $0.rawValue, label: $0.rawValue) }, ""))
            add(Field(.confidentiality, .text), text(request.confidentiality))
            add(Field(.limitationOfUse, .text), text(request.limitationOfUse))
            add(Field(.note, .area(rows: 3)), .area(TextAreaState("")))
        case .item:
            add(Field(.category, .choice, required: true),
                choice(EvidenceItem.Category.allCases.map { ChoiceOption(id: $0.rawValue, label: $0.label) },
                       EvidenceItem.Category.subscriberRecords.rawValue))
            add(Field(.description, .text, required: true), text())
            add(Field(.path, .text), text())
            add(Field(.originalFileName, .text), text())
            add(Field(.declaredSHA256, .text), text())
            add(Field(.declaredMD5, .text), text())
            add(Field(.declaredSHA1, .text), text())
            add(Field(.size, .text), text())
        case .custody:
            add(Field(.custodyKind, .choice, required: true),
                choice(CustodyEvent.Kind.recordedByHand.map { ChoiceOption(id: $0.rawValue, label: $0.label) },
                       CustodyEvent.Kind.stored.rawValue))
            add(Field(.date, .date, required: true), .text(today))
            add(Field(.time, .text), .text(time))
            add(Field(.who, .text, required: true), text(context.officer))
            add(Field(.location, .text), text())
            add(Field(.note, .area(rows: 3)), .area(TextAreaState("")))
        case .attach:
            add(Field(.path, .text, required: true), text())
        }
        return EvidenceFormState(purpose: purpose, fields: fields, values: values)
    }

    private static func choice(_ options: [ChoiceOption], _ selected: String) -> FieldValue {
        var state = ChoiceState(options: options, selected: [selected])
        state.highlightSelection()
        return .choice(state)
    }

    /// The order the form describes, or the problem of each field that stops it.
    public static func order(from form: EvidenceFormState, context: DeskContext, now: Date)
        -> (order: EvidenceOrder?, problems: [EvidenceField: String])
    {
        var problems: [EvidenceField: String] = [:]
        func text(_ id: EvidenceField) -> String {
            (form.value(id)?.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        func single(_ id: EvidenceField) -> String { form.value(id)?.selected.first ?? "" }
        for field in form.fields where field.isRequired {
            let empty = field.kind == .choice ? single(field.id).isEmpty : text(field.id).isEmpty
            if empty { problems[field.id] = "is required" }
        }
        let order: EvidenceOrder
        switch form.purpose {
        case .exchange(let request):
            let at = moment(date: text(.date), time: text(.time), context: context, now: now, problems: &problems)
            let channel = single(.channel)
            order = .exchange(EvidenceExchange(
                requestID: request.id, flow: EvidenceExchange.Flow(rawValue: single(.flow)) ?? .received, at: at,
                channel: channel.isEmpty ? nil : ChannelID(channel),
                medium: EvidenceExchange.Medium(rawValue: single(.medium)) ?? .securePortal,
                counterpartAuthority: text(.counterpartAuthority), counterpartPerson: text(.counterpartPerson),
                transmittalReference: text(.transmittal),
                handling: HandlingRestrictions(confidentiality: text(.confidentiality),
                                               limitationOfUse: text(.limitationOfUse),
                                               code: HandlingRestrictions.Code(rawValue: single(.handlingCode))),
                note: text(.note)))
        case .item(let exchange):
            var declared: [HashDigest] = []
            for (field, algorithm) in [(EvidenceField.declaredSHA256, HashDigest.Algorithm.sha256),
                                       (.declaredSHA1, .sha1), (.declaredMD5, .md5)] {
                let value = text(field)
                guard !value.isEmpty else { continue }
                let digest = HashDigest(algorithm: algorithm, value: value)
                if digest.isWellFormed {
                    declared.append(digest)
                } else {
                    problems[field] = "must be \(algorithm.hexLength) hexadecimal digits (\(value.count) given)"
                }
            }
            let path = text(.path)
            var size: Int64?
            let sizeText = text(.size).replacingOccurrences(of: ",", with: "")
            if !sizeText.isEmpty {
                if !path.isEmpty {
                    problems[.size] = "leave empty: the size is measured when the file is hashed"
                } else if let bytes = Int64(sizeText), bytes >= 0 {
                    size = bytes
                } else {
                    problems[.size] = "'\(sizeText)' is not a number of bytes"
                }
            }
            let item = EvidenceItem(exchangeID: exchange.id, description: text(.description),
                                    category: EvidenceItem.Category(rawValue: single(.category)) ?? .other,
                                    originalFileName: text(.originalFileName), size: size, declaredHashes: declared)
            order = .item(item, path: path.isEmpty ? nil : path)
        case .custody(let item):
            let at = moment(date: text(.date), time: text(.time), context: context, now: now, problems: &problems)
            order = .custody(CustodyEvent(itemID: item.id, kind: CustodyEvent.Kind(rawValue: single(.custodyKind)) ?? .stored,
                                          at: at, officer: text(.who), location: text(.location), note: text(.note)))
        case .attach(let item):
            order = .attach(itemID: item.id, path: text(.path))
        }
        return (problems.isEmpty ? order : nil, problems)
    }

    /// The date and optional `HH:MM` time as one moment in the desk's time zone; a moment later
    /// than now, or before 1970 (``RecordTime``), is a problem: the record says what happened.
    private static func moment(date: String, time: String, context: DeskContext, now: Date,
                               problems: inout [EvidenceField: String]) -> Date {
        let at = typedMoment(date: date, time: time, context: context, now: now, problems: &problems)
        if at > now.addingTimeInterval(60), problems[.date] == nil, problems[.time] == nil {
            // The field that makes it later: the day when it is after today, else the time.
            let laterDay = context.dates.parseDay(date).map { $0 > context.dates.endOfDay(now) } ?? false
            problems[time.isEmpty || laterDay ? .date : .time] = "is later than now (\(context.dates.minute(now))): record what has happened"
        }
        if let early = RecordTime.tooEarly(at, "the date"), problems[.date] == nil {
            problems[.date] = early
        }
        return at
    }

    /// The date and the time are each checked whatever the other holds, so every problem is
    /// named at the first save.
    private static func typedMoment(date: String, time: String, context: DeskContext, now: Date,
                                    problems: inout [EvidenceField: String]) -> Date {
        let dates = context.dates
        var clock: (hour: Int, minute: Int)?
        if !time.isEmpty {
            let parts = time.split(separator: ":", omittingEmptySubsequences: false)
            if parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
               let hour = Int(parts[0]), let minute = Int(parts[1]), hour < 24, minute < 60 {
                clock = (hour, minute)
            } else {
                problems[.time] = "'\(time)' is not a time; write it as HH:MM, e.g. 14:05"
            }
        }
        guard !date.isEmpty else { return now }
        guard let day = dates.parseDay(date) else {
            problems[.date] = "'\(date)' is not a date; write it as YYYY-MM-DD, e.g. \(dates.day(now))"
            return now
        }
        guard let clock else { return day }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = context.timeZone
        return calendar.date(bySettingHour: clock.hour, minute: clock.minute, second: 0, of: day) ?? day
    }
}
