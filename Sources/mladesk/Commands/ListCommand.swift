import ArgumentParser
import DeskCore
import DeskStore
import Foundation

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List requests, filtered and sorted.")

    @OptionGroup var options: DeskOptions

    @Option(help: "in or out.") var direction: Direction?
    @Option(help: "Only this status (repeat for several).") var status: [RequestStatus] = []
    @Option(help: "Counterpart state, ISO 3166-1 alpha-2 (e.g. DE).") var country: String?
    @Option(help: "Request type (e.g. preservation).") var type: String?
    @Option(help: "routine, urgent or emergency.") var urgency: Urgency?
    @Option(help: "Assigned officer: the name, or part of it (any case, accents aside).") var assigned: String?
    @Flag(help: "Only requests past a legal deadline (an open one's, or the expiry of a preservation an executed request obtained), or past the officer's due date (else a reminder to chase).") var overdue = false
    @Option(help: "Full-text search over references, facts, assistance sought, identifiers and notes.") var search: String?
    @Option(help: "Sort column: \(RequestSort.allCases.map(\.rawValue).joined(separator: ", ")).") var sort: RequestSort = .updated
    @Flag(help: "Sort ascending.") var ascending = false
    @Option(parsing: .unconditional, help: "At most this many rows.") var limit = 50
    @Option(help: ListFormat.help) var format: ListFormat = .table

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be 1 or more") }
        if let search {
            let terms = SearchTerms(search)
            if let short = terms.tooShort.first {
                throw ValidationError("--search '\(short)': one character narrows nothing; give two or more")
            }
            if terms.isEmpty {
                throw ValidationError("--search needs a word or a number to look for; '\(search)' has none")
            }
        }
        if let country, country.count != 2 || !country.allSatisfy({ $0.isASCII && $0.isLetter }) {
            throw ValidationError("--country takes a two-letter ISO 3166-1 code, e.g. DE")
        }
    }

    /// The assigned officer `typed` names; refused when it names several, naming them.
    private func officer(_ typed: String, in store: DeskStore) throws -> String {
        guard OfficerMatch.namesSomething(typed) else { throw ValidationError("--assigned needs a name, or part of one") }
        let matches = OfficerMatch.officers(typed, among: try store.assignedOfficers())
        guard matches.count <= 1 else {
            throw ValidationError("--assigned \(typed) could be \(Candidates.inWords(matches)); give more of the name")
        }
        return matches.first ?? typed
    }

    func run() throws {
        let (store, reference) = try options.openDesk()
        if let type {
            guard reference.requestType(RequestTypeID(type)) != nil else {
                throw ValidationError("unknown request type '\(type)'; known: \(reference.requestTypes.map(\.id.rawValue).joined(separator: ", "))")
            }
        }
        if let country, reference.country(CountryCode(country.uppercased())) == nil {
            throw ValidationError("--country \(country) is not a country of the reference data; give its ISO code, e.g. DE")
        }
        let now = Date()
        let query = RequestQuery(
            direction: direction, statuses: status, country: country.map { CountryCode($0.uppercased()) },
            type: type.map(RequestTypeID.init(rawValue:)), urgency: urgency, officer: try assigned.map { try officer($0, in: store) },
            overdueAt: overdue ? now : nil, text: search ?? "", sort: sort, descending: !ascending)
        let rows = try store.page(query, offset: 0, limit: limit)
        switch format {
        case .json:
            print(try TextOutput.json(rows.map(ListedRow.init)))
        case .csv:
            print(try TextOutput.csv(
                header: ["reference", "direction", "country", "types", "status", "urgency", "due", "officer", "updated", "operation"],
                rows: rows.map { row in
                    [
                        row.reference.description, row.direction.rawValue, row.country.rawValue,
                        row.types.map(\.rawValue).joined(separator: " "), row.status.rawValue, row.urgency.rawValue,
                        row.due.map(DeskJSON.formatInstant) ?? "", row.officer, DeskJSON.formatInstant(row.updatedAt), row.operation,
                    ]
                }))
        case .table:
            if rows.isEmpty {
                print("No requests match.")
                return
            }
            print(TextOutput.table(
                header: ["Reference", "Country", "Type", "Status", "Due", "Officer", "Updated"],
                rows: rows.map { row in
                    [
                        (row.isOverdue(at: now) ? "!" : " ") + (row.isOpenEmergency ? "*" : " ") + row.reference.description,
                        row.country.rawValue,
                        row.types.map(\.rawValue).joined(separator: "+"), row.status.rawValue, TextOutput.day(row.due),
                        row.officer, TextOutput.moment(row.updatedAt),
                    ]
                }))
            let total = try store.count(query)
            if total > rows.count {
                print("(\(rows.count) of \(total); use --limit to see more)")
            }
        }
    }
}
