/// A ``ReportModel`` as rows for CSV: one long table (`section, key, label, measure, value`)
/// that spreadsheets can pivot, so adding a figure never changes the columns. The command line
/// hands these rows to a CSV library for quoting.
public enum ReportRows {
    public static let header = ["section", "key", "label", "measure", "value"]

    public static func rows(_ model: ReportModel) -> [[String]] {
        var rows: [[String]] = [["summary", "total", "Requests in the period", "count", String(model.total)],
                                ["summary", "overdue", "Overdue now", "count", String(model.overdue)]]
        for (section, counts) in [("direction", model.byDirection), ("status", model.byStatus), ("country", model.byCountry),
                                  ("type", model.byType), ("channel", model.byChannel), ("month", model.byMonth),
                                  ("refusal_ground", model.refusalsByGround)] {
            rows += counts.map { [section, $0.key, $0.label, "count", String($0.count)] }
        }
        for (section, stats) in [("turnaround_country", model.turnaroundByCountry),
                                 ("turnaround_instrument", model.turnaroundByInstrument)] {
            for stat in stats {
                let figures: [(String, String)] = [
                    ("acknowledged_count", String(stat.acknowledgedCount)),
                    ("acknowledged_median_days", ReportModel.days(stat.acknowledgedMedian)),
                    ("acknowledged_p90_days", ReportModel.days(stat.acknowledgedP90)),
                    ("executed_count", String(stat.executedCount)),
                    ("executed_median_days", ReportModel.days(stat.executedMedian)),
                    ("executed_p90_days", ReportModel.days(stat.executedP90)),
                ]
                rows += figures.map { [section, stat.key, stat.label, $0.0, $0.1 == "—" ? "" : $0.1] }
            }
        }
        rows += model.oldestOverdue.map {
            ["overdue", $0.reference.description, $0.country.rawValue, "due", DeskJSON.formatInstant($0.due)]
        }
        return rows
    }
}
