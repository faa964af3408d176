/// Checks that checklist templates and deadline rules only name codes and statuses that exist,
/// so a typo in `checklists.json` is reported at load time with its file and key rather than
/// silently leaving a request without its checklist.
enum ReferenceCrossCheck {
    static func templates(_ templates: [ChecklistTemplate], in file: String,
                          against reference: ReferenceData) throws(ReferenceDataError) {
        for (index, template) in templates.enumerated() {
            let key = "\(ChecklistTemplate.listKey)[\(index)]"
            try template.criteria.checkCodes(in: reference, file: file, key: key)
            let directions = template.criteria.directions.isEmpty ? Direction.allCases : template.criteria.directions
            for (itemIndex, item) in template.items.enumerated() {
                guard let gates = item.gates else { continue }
                for direction in directions where !Workflow.statuses(for: direction).contains(gates) {
                    throw ReferenceDataError(
                        file: file, key: "\(key).items[\(itemIndex)].gates",
                        message: "'\(gates.rawValue)' is not a status of \(direction.label.lowercased()) requests"
                            + " (limit the template with \"directions\")")
                }
            }
        }
    }

    /// The refusal grounds an instrument lists must be grounds `refusal_grounds.json` knows.
    static func refusalGrounds(of instruments: [Instrument], in file: String,
                               against reference: ReferenceData) throws(ReferenceDataError) {
        for (index, instrument) in instruments.enumerated() {
            for (key, grounds) in [("refusalGrounds", instrument.refusalGrounds), ("preservationRefusalGrounds",
                                                                                  instrument.preservationRefusalGrounds)] {
                for (groundIndex, ground) in (grounds ?? []).enumerated() where reference.refusalGround(ground) == nil {
                    throw ReferenceDataError(
                        file: file, key: "\(Instrument.listKey)[\(index)].\(key)[\(groundIndex)]",
                        message: "'\(ground)' is not a ground of refusal_grounds.json")
                }
            }
        }
    }

    static func rules(_ rules: [DeadlineRule], in file: String, against reference: ReferenceData) throws(ReferenceDataError) {
        for (index, rule) in rules.enumerated() {
            try rule.criteria.checkCodes(in: reference, file: file, key: "\(DeadlineRule.listKey)[\(index)]")
        }
    }
}
