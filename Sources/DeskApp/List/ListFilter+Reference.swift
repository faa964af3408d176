import DeskCore
import Foundation

extension ListFilter {
    /// The filter with its type and country read against the desk's reference data, and its
    /// officer against the officers requests are assigned to, as an officer writes them: a type
    /// by its id or by the start of its label or id (`type:subscriber`), a country by its code or
    /// the start of its name (`country:japan`), an officer by the start of the name or of any of
    /// its words (`officer:müller`, `officer:ana_m`). A value that names nothing, or several
    /// things, is a problem, so the list never shows "No requests match" for a word the desk
    /// simply did not understand. An officer the desk does not list yet (just assigned, before
    /// the home page was seen again) is looked for as written.
    public func resolved(with reference: ReferenceData, officers: [String] = []) -> ListFilter {
        var filter = self
        if let typed = officer, !officers.contains(typed) {
            let matches = OfficerMatch.officers(typed, among: officers)
            if !OfficerMatch.namesSomething(typed) {
                filter.officer = nil
                filter.problems.append("'officer:\(typed)' needs a name, e.g. officer:müller")
            } else if matches.count == 1 {
                filter.officer = matches[0]
            } else if matches.count > 1 {
                filter.officer = nil
                filter.problems.append("'\(typed)' could be \(Candidates.inWords(matches)); type more of it")
            }
        }
        if let typed = type, reference.requestType(typed) == nil {
            let word = Self.folded(typed.rawValue)
            let matches = reference.requestTypes.filter {
                Self.folded($0.label).hasPrefix(word) || Self.folded($0.id.rawValue).hasPrefix(word)
            }
            filter.type = matches.count == 1 ? matches[0].id : nil
            if matches.count != 1 {
                filter.problems.append(matches.isEmpty
                    ? "'\(typed.rawValue)' is not a request type; try e.g. type:preservation or type:subscriber_info"
                    : "'\(typed.rawValue)' could be \(Candidates.inWords(matches.map(\.id.rawValue))); type more of it")
            }
        }
        if let code = country, reference.country(code) == nil {
            let word = Self.folded(code.rawValue)
            let matches = reference.countries.filter { Self.folded($0.name).hasPrefix(word) }
            filter.country = matches.count == 1 ? matches[0].code : nil
            if matches.count != 1 {
                filter.problems.append(matches.isEmpty
                    ? "'\(code.rawValue)' is not a country; use its code (country:DE) or name (country:germany)"
                    : "'\(code.rawValue)' could be \(Candidates.inWords(matches.map(\.name))); type more of it")
            }
        }
        return filter
    }

    /// Case and accents set aside, underscores as spaces: `Subscriber_info` and `subscriber info` alike.
    private static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).replacingOccurrences(of: "_", with: " ")
    }
}
