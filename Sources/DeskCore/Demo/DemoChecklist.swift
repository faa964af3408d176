import Foundation

/// The documentation checklist of a demo request, settled as its history says officers must
/// have settled it.
///
/// A demo desk has to show what a real one shows: the store refuses a status change while a
/// required item gating it is open (``ChecklistGate``), so every required item gating a status
/// the request entered was settled before it first entered it — nearly always done, now and
/// then marked not applicable with a reason — by an officer who worked on the file. Items for
/// steps still ahead are partly done, the more the further the request got; optional items are
/// sometimes settled. The items themselves come from ``ChecklistBuilder``, so a demo request's
/// checklist is the one the desk would build, and editing the request changes nothing in it.
struct DemoChecklist: Sendable {
    /// The random stream domain of checklists, apart from the request's own stream (domain 0)
    /// and operations' (domain 1): settling items leaves every other generated field as it was.
    static let streamDomain: UInt64 = 2

    private let templates: [ChecklistTemplate]
    /// How many workflow steps each status lies from its direction's initial status.
    private let depths: [Direction: [RequestStatus: Int]]

    init(templates: [ChecklistTemplate]) {
        self.templates = templates
        var depths: [Direction: [RequestStatus: Int]] = [:]
        for direction in Direction.allCases {
            let initial = Workflow.initialStatus(for: direction)
            var table = [initial: 0]
            var queue = [initial]
            while !queue.isEmpty {
                let status = queue.removeFirst()
                for target in Workflow.targets(from: status, direction: direction) where table[target] == nil {
                    table[target] = table[status, default: 0] + 1
                    queue.append(target)
                }
            }
            depths[direction] = table
        }
        self.depths = depths
    }

    /// The checklist of `request`, whose walked `history` starts with its registration.
    func checklist(for request: Request, history: [StatusChange], using random: inout SeededGenerator) -> [ChecklistItem] {
        let wanted = ChecklistBuilder.templateItems(for: request, templates: templates)
        let items = ChecklistBuilder.build(from: wanted)
        guard let first = history.first, let last = history.last else { return items }
        let created = Self.seconds(first.at)
        let latest = max(created, Self.seconds(last.at))
        let depth = depths[request.direction] ?? [:]
        let deepest = depth.values.max() ?? 1
        let reached = history.map { depth[$0.to] ?? 0 }.max() ?? 0
        let needed = Set(wanted.filter(\.isAlwaysNeeded).map(\.id))
        return items.map { template in
            var item = template
            let waiver = item.isRequired ? (needed.contains(item.itemID) ? 0 : 0.04) : 0.35
            if let gate = item.gates, let entry = history.firstIndex(where: { $0.to == gate }) {
                guard item.isRequired || random.chance(0.75) else { return item }
                settle(&item, by: history[...entry], from: created, until: max(created, Self.seconds(history[entry].at)),
                       waiver: waiver, using: &random)
            } else {
                let target = item.gates.flatMap { depth[$0] } ?? deepest
                let progress = min(1, Double(reached) / Double(max(1, target)))
                let share = (0.1 + 0.75 * progress) * (item.isRequired ? 1 : 0.6)
                guard random.chance(share) else { return item }
                settle(&item, by: history[...], from: created, until: latest, waiver: waiver, using: &random)
            }
            return item
        }
    }

    /// Marks `item` done (or, with probability `waiver`, not applicable with a reason) by one of
    /// the officers of `changes`, at a whole second between `start` and `end`.
    private func settle(_ item: inout ChecklistItem, by changes: ArraySlice<StatusChange>, from start: Int64, until end: Int64,
                        waiver: Double, using random: inout SeededGenerator) {
        if random.chance(waiver) {
            item.state = .notApplicable
            item.reason = random.pick(DemoPools.checklistWaivers)
        } else {
            item.state = .done
        }
        item.changedBy = changes[changes.startIndex + random.below(changes.count)].officer
        item.changedAt = DemoText.date(random.int64(in: start...end))
    }

    private static func seconds(_ date: Date) -> Int64 {
        Int64(date.timeIntervalSince1970.rounded(.down))
    }
}
