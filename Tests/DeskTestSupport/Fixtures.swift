import DeskCore
import DeskStore
import Foundation

/// Shared test data: the real reference data shipped in `Data/`, and requests built from it.
public enum Fixtures {
    /// The package's root folder, found from this file's location.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let dataDirectory = packageRoot.appendingPathComponent("Data")

    public static let reference: ReferenceData = {
        do {
            return try DataDirectory.loadReferenceData(from: dataDirectory)
        } catch {
            fatalError("The shipped reference data does not load: \(error)")
        }
    }()

    /// 2026-11-29 09:00 UTC: "today" in tests.
    public static let today = Date(timeIntervalSince1970: 1_795_942_800)

    public static func request(
        _ direction: Direction = .outgoing, country: CountryCode = "DE", types: [RequestTypeID] = ["subscriber_info"],
        facts: String = "Phishing campaign against customers of a regional bank.",
        officer: String = "Ana Müller", created: Date = today
    ) -> Request {
        Request(
            reference: RequestReference(direction: direction, year: 2026, sequence: 1), counterpartCountry: country,
            counterpartAuthority: "Bundesamt für Justiz", ourAuthority: "National Cybercrime Unit",
            legalBasis: LegalBasis(instrument: "budapest", articles: "25, 31"), types: types, channel: "central_authority",
            urgency: .routine, offences: ["phishing"], summaryOfFacts: facts,
            assistanceSought: "Subscriber information for the account used to register the phishing domain.",
            identifiers: [Identifier(kind: .ipAddress, value: "203.0.113.7", observedAt: today, timeZone: "UTC", port: 443),
                          Identifier(kind: .domain, value: "secure-login.example")],
            serviceProviders: ["Example Mail GmbH"], operation: "OP-NIGHTJAR", assignedOfficer: officer,
            dates: KeyDates(created: created))
    }

    /// Opens a new desk in `folder` with a fixed clock.
    public static func store(in folder: TemporaryDirectory, name: String = "desk.sqlite", officer: String = "Ana Müller",
                             clock: any Clock = FixedClock(today)) throws -> DeskStore {
        try DeskStore.open(path: folder.path(name), officer: officer, clock: clock)
    }

    /// An archive file's bytes with the value at `path` below `requests[index]` replaced by
    /// `value` (a JSON value as `JSONSerialization` reads it): hostile archives made from real ones.
    public static func archive(_ data: Data, editingRequest index: Int, at path: [String], to value: Any) throws -> Data {
        guard var top = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            var requests = top["requests"] as? [[String: Any]], requests.indices.contains(index)
        else { throw CocoaError(.coderReadCorrupt) }
        func set(_ object: [String: Any], _ path: ArraySlice<String>) -> [String: Any] {
            var object = object
            guard let key = path.first else { return object }
            object[key] = path.count == 1 ? value : set(object[key] as? [String: Any] ?? [:], path.dropFirst())
            return object
        }
        requests[index] = set(requests[index], path[...])
        top["requests"] = requests
        return try JSONSerialization.data(withJSONObject: top)
    }
}
