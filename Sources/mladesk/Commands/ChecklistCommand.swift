import ArgumentParser
import DeskCore
import DeskStore
import Foundation

struct ChecklistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklist", abstract: "Show a request's documentation checklist and how complete it is.",
        discussion: "[x] done, [-] not applicable, [ ] open; * marks required items. Obsolete items are listed last.")

    @OptionGroup var options: DeskOptions
    @Argument(help: "The request's reference, e.g. OUT-2026-0042.") var reference: RequestReference
    @Option(help: OutputFormat.help) var format: OutputFormat = .text

    func run() throws {
        let (store, _) = try options.openDesk()
        let details = try store.requireDetails(reference)
        if format == .json {
            print(try TextOutput.json(ChecklistReport(details)))
            return
        }
        print(ChecklistText.render(details).map(TextOutput.safe).joined(separator: "\n"))
    }
}

/// The JSON form of `checklist`: the meter's figures, the items, and what blocks each gated status.
struct ChecklistReport: Encodable {
    var reference: RequestReference
    var status: RequestStatus
    var progress: ChecklistProgress
    var items: [ChecklistItem]
    var blocking: [String: [String]]

    init(_ details: RequestDetails) {
        reference = details.request.reference
        status = details.request.status
        progress = ChecklistProgress(details.checklist)
        items = details.checklist
        let gated = Set(details.checklist.compactMap(\.gates))
        blocking = Dictionary(uniqueKeysWithValues: gated.map { status in
            (status.rawValue, ChecklistGate.missing(in: details.checklist, for: status).map(\.itemID))
        })
    }
}

/// The text form of `checklist`: items by group, with the meter.
enum ChecklistText {
    static func render(_ details: RequestDetails) -> [String] {
        let progress = ChecklistProgress(details.checklist)
        var lines = ["\(details.request.reference)  \(details.request.status.label)  \(progress.meter)"
                     + "  (all \(progress.settled)/\(progress.total))"]
        guard !details.checklist.isEmpty else { return lines + ["(no checklist)"] }
        let current = details.checklist.filter { !$0.isObsolete }
        var groups: [String] = []
        for item in current where !groups.contains(item.group) { groups.append(item.group) }
        for group in groups {
            lines += ["", "== \(group)"]
            lines += current.filter { $0.group == group }.flatMap(line)
        }
        let obsolete = details.checklist.filter(\.isObsolete)
        if !obsolete.isEmpty {
            lines += ["", "== No longer applies"] + obsolete.flatMap(line)
        }
        return lines
    }

    static func mark(_ item: ChecklistItem) -> String {
        switch item.state {
        case .done: "[x]"
        case .notApplicable: "[-]"
        case .open: "[ ]"
        }
    }

    private static func line(_ item: ChecklistItem) -> [String] {
        var lines = ["\(mark(item)) \(item.isRequired ? "*" : " ") \(item.label)  (\(item.itemID))"]
        if item.state == .notApplicable { lines.append("      not applicable: \(item.reason)") }
        if !item.note.isEmpty { lines.append("      note: \(item.note)") }
        if let at = item.changedAt { lines.append("      \(item.changedBy), \(TextOutput.moment(at))") }
        return lines
    }
}
