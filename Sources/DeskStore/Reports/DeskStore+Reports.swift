import DeskCore
import Foundation
import GRDB

extension DeskStore {
    /// The figures of `mladesk report` and the Reports screen for requests sent or received
    /// (or, unsent, created) within `from ..< until`; `nil` bounds are open.
    ///
    /// Counts are grouped in SQL; turnaround reads four small values per sent request and takes
    /// percentiles in Swift. Dates come out of the stored JSON with SQLite's `json_extract`, so
    /// no request is decoded and a 100,000-request desk reports in a few seconds.
    public func report(from: Date?, until: Date?, now: Date, reference: ReferenceData?,
                       overdueListLimit: Int = 10) throws -> ReportModel {
        let lower = from.map(DeskJSON.formatInstant) ?? ""
        let upper = until.map(DeskJSON.formatInstant) ?? "9999"
        let nowMillis = DeskJSON.milliseconds(now)
        let (tallies, samples) = try read { db in
            var tallies = ReportTallies()
            let rows = try Row.fetchCursor(db, sql: ReportSQL.tallies, arguments: [lower, upper, nowMillis])
            while let row = try rows.next() {
                let key: String = row[1] ?? ""
                let count: Int = row[2]
                switch row[0] as String {
                case "direction": tallies.byDirection[key] = count
                case "status": tallies.byStatus[key] = count
                case "country": tallies.byCountry[key] = count
                case "type": tallies.byType[key] = count
                case "channel": tallies.byChannel[key] = count
                case "month": tallies.byMonth[key] = count
                case "refusal": tallies.refusalsByGround[key] = count
                default: tallies.overdue = count
                }
            }
            tallies.oldestOverdue = try Row.fetchAll(
                db, sql: ReportSQL.overdue, arguments: [lower, upper, nowMillis, max(0, overdueListLimit)]
            ).compactMap { row in
                guard let reference = RequestReference(row["reference"] as String) else { return nil }
                return OverdueRequest(reference: reference, country: CountryCode(row["country"] as String),
                                      due: Date(timeIntervalSince1970: Double(row["due_at"] as Int64) / 1000))
            }
            var samples: [TurnaroundSample] = []
            let sampleRows = try Row.fetchCursor(db, sql: ReportSQL.samples, arguments: [lower, upper])
            while let row = try sampleRows.next() {
                guard let sent = (row["sent"] as String?).flatMap(DeskJSON.parseInstant) else { continue }
                samples.append(TurnaroundSample(
                    country: CountryCode(row["country"] as String), instrument: InstrumentID(row["instrument"] as String? ?? ""),
                    sent: sent, acknowledged: (row["acknowledged"] as String?).flatMap(DeskJSON.parseInstant),
                    executed: (row["executed"] as Int64?).map { Date(timeIntervalSince1970: Double($0) / 1000) }))
            }
            return (tallies, samples)
        }
        return ReportModel.build(tallies: tallies, samples: samples, reference: reference, generatedAt: now,
                                 from: from, until: until)
    }
}
