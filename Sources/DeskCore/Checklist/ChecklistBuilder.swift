/// Builds a request's checklist from the templates, keeping whatever an officer already filled in.
///
/// Pure, so the store (on create and on every edit of direction, type, legal basis or urgency),
/// the demo generator and tests all build checklists the same way.
public enum ChecklistBuilder {
    /// The template items that apply to `request`, in file order, each id once (first wins).
    public static func templateItems(for request: Request, templates: [ChecklistTemplate]) -> [ChecklistItemTemplate] {
        var seen = Set<String>()
        return templates.filter { $0.criteria.matches(request) }.flatMap(\.items).filter { seen.insert($0.id).inserted }
    }

    /// Why `item` of `request` cannot be marked not applicable; nil when it can.
    public static func waiverProblem(_ item: ChecklistItem, of request: Request, templates: [ChecklistTemplate]) -> String? {
        guard templateItems(for: request, templates: templates).contains(where: { $0.id == item.itemID && $0.isAlwaysNeeded })
        else { return nil }
        return "'\(item.label)' is needed in every request of this kind; it cannot be marked not applicable: "
            + "fill it in, or withdraw the request"
    }

    /// The checklist `request` should have now. Items in `existing` keep their state, reason,
    /// note, who and when, and take the template's current wording; items that no longer apply
    /// are kept at the end marked obsolete (never dropped); new items are added open. An item
    /// every such request must contain (``ChecklistItemTemplate/isAlwaysNeeded``) that was
    /// marked not applicable (before the rule, or in an archive) is open again.
    public static func build(for request: Request, templates: [ChecklistTemplate],
                             existing: [ChecklistItem] = []) -> [ChecklistItem] {
        build(from: templateItems(for: request, templates: templates), existing: existing)
    }

    /// The same from the template items that apply (``templateItems(for:templates:)``), for a
    /// caller that needs them too.
    public static func build(from wanted: [ChecklistItemTemplate], existing: [ChecklistItem] = []) -> [ChecklistItem] {
        let byID = Dictionary(existing.map { ($0.itemID, $0) }, uniquingKeysWith: { first, _ in first })
        let current = wanted.map { template -> ChecklistItem in
            var item = template.instantiate()
            if let old = byID[template.id] {
                let waived = template.isAlwaysNeeded && old.state == .notApplicable
                item.state = waived ? .open : old.state
                item.reason = waived ? "" : old.reason
                item.note = old.note
                item.changedBy = old.changedBy
                item.changedAt = old.changedAt
            }
            return item
        }
        let wantedIDs = Set(wanted.map(\.id))
        var seen = Set<String>()
        let obsolete = existing.filter { !wantedIDs.contains($0.itemID) && seen.insert($0.itemID).inserted }.map { old in
            var item = old
            item.isObsolete = true
            return item
        }
        return current + obsolete
    }
}

extension RequestDetails {
    /// The request with the checklist this desk's templates give it, keeping what the incoming
    /// copy says of each item (its state, reason, note, who and when). An import takes which
    /// items there are, whether each is required and which status it gates from here, never
    /// from the archive: an archive that marked the required items optional, or left them out,
    /// would otherwise pass every gate the checklist keeps. Items the templates do not know are
    /// kept, marked obsolete.
    public func withThisDesksChecklist(_ templates: [ChecklistTemplate]) -> RequestDetails {
        var details = self
        details.checklist = ChecklistBuilder.build(for: request, templates: templates, existing: checklist)
        return details
    }
}
