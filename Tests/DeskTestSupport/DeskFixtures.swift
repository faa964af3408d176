import DeskCore
import Foundation

/// Shared test data: the shipped reference data, a pinned "now", and requests whose text
/// exercises wide glyphs, combining marks and hostile control characters.
public enum DeskFixtures {
    /// 2026-03-14 09:30 UTC, a Saturday.
    public static let now = Date(timeIntervalSince1970: 1_773_480_600)

    public static let utc = TimeZone(identifier: "UTC")!

    /// The package's `Data` folder, found from this file's location.
    public static var dataDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Data")
    }

    /// The reference data shipped in `Data/`, decoded once.
    public static let reference: ReferenceData = {
        var files: [String: Data] = [:]
        for name in ReferenceData.requiredFiles {
            files[name] = try? Data(contentsOf: dataDirectory.appendingPathComponent(name))
        }
        do {
            return try ReferenceData.decode(files: files)
        } catch {
            fatalError("reference data in \(dataDirectory.path) does not load: \(error)")
        }
    }()

    public static func day(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        formatter.timeZone = utc
        return formatter.date(from: text)!
    }

    /// A valid outgoing request to Japan with CJK and hostile text in it.
    public static func request(sequence: Int = 7, direction: Direction = .outgoing, status: RequestStatus? = nil,
                               due: Date? = nil, version: Int = 1) -> Request {
        Request(
            id: UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", sequence))!,
            reference: RequestReference(direction: direction, year: 2026, sequence: sequence),
            counterpartCountry: "JP", counterpartAuthority: "東京地方検察庁",
            ourAuthority: "Staatsanwaltschaft Köln", legalBasis: LegalBasis(instrument: "budapest", articles: "29"),
            types: ["preservation"], urgency: .urgent, offences: ["ransomware"],
            summaryOfFacts: "Ransomware \u{1B}[2J attack on a hospital; café e\u{301} \u{202E}evil",
            assistanceSought: "Preserve the server logs.", operation: "OP-NIGHTJAR", assignedOfficer: "anna",
            dates: KeyDates(created: day("2026-03-01"), due: due), status: status, version: version,
            updatedAt: day("2026-03-10"), updatedBy: "anna")
    }

    public static func summary(_ request: Request) -> RequestSummary {
        RequestSummary(id: request.id, reference: request.reference, country: request.counterpartCountry,
                       types: request.types, status: request.status, urgency: request.urgency, due: request.dates.due,
                       officer: request.assignedOfficer, updatedAt: request.updatedAt, operation: request.operation)
    }
}
