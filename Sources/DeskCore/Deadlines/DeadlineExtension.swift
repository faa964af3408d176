/// Recording that a deadline's one extension was granted (the EIO's recognition decision, an
/// EPOC-PR): only a rule that allows one, that runs on the request now, and only once. The
/// deadline then runs to the extended date in every list, count and letter.
public enum DeadlineExtension {
    /// `request` with the extension of rule `ruleID` granted, or why it cannot be.
    public static func granting(_ ruleID: String, to request: Request, history: [StatusChange],
                                rules: [DeadlineRule]) -> Result<Request, ExtensionRefusal> {
        let running = RequestDeadlines.compute(for: request, history: history, rules: rules).computed
            .filter { $0.source == .legal && $0.extendedDue != nil }
        let extendable = running.map(\.ruleID)
        guard let rule = rules.first(where: { $0.id == ruleID }), rule.extensionPeriod != nil else {
            return .failure(ExtensionRefusal(message: "'\(ruleID)' is not a deadline that can be extended"
                + (extendable.isEmpty ? "; none of \(request.reference)'s can" : "; \(request.reference)'s: \(extendable.joined(separator: ", "))")))
        }
        if request.dates.extensionsGranted?.contains(ruleID) == true {
            return .failure(ExtensionRefusal(message: "\(rule.label) of \(request.reference) was extended already; it allows one extension"))
        }
        guard extendable.contains(ruleID) else {
            return .failure(ExtensionRefusal(message: "\(rule.label) does not run on \(request.reference) now"))
        }
        var extended = request
        extended.dates.extensionsGranted = (request.dates.extensionsGranted ?? []) + [ruleID]
        return .success(extended)
    }
}

/// Why an extension cannot be recorded, in one sentence.
public struct ExtensionRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
