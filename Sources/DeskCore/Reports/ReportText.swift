import Foundation

/// Writes a ``ReportModel`` as plain text or Markdown: pure, so the command line prints it and
/// the desk's Reports screen can show the same lines. Labels come from the reference data or
/// the desk file; callers printing to a terminal still pass every line through the sanitiser.
public enum ReportText {
    /// - Parameters:
    ///   - chartWidth: the longest bar in characters; the desk fits it to the terminal.
    ///   - tableWidth: the widest a table may be: its first column (names) is shortened with "…"
    ///     to fit, never its figures, which a cut would make read as other numbers.
    public static func render(_ model: ReportModel, markdown: Bool, glyph: BarChart.Glyph = .block,
                              timeZone: TimeZone = .current, chartWidth: Int = 40, tableWidth: Int? = nil) -> String {
        var lines: [String] = []
        let day = { (date: Date?) in date.map { LocalTime.formatDay($0, timeZone: timeZone) } ?? "…" }
        func heading(_ title: String) {
            lines += markdown ? ["", "## \(title)", ""] : ["", title, String(repeating: "=", count: title.count)]
        }
        func table(_ header: [String], _ rows: [[String]]) {
            guard !rows.isEmpty else {
                lines.append(markdown ? "_None._" : "(none)")
                return
            }
            if markdown {
                lines.append("| " + header.joined(separator: " | ") + " |")
                lines.append("|" + header.enumerated().map { $0.offset == 0 ? " --- |" : " ---: |" }.joined())
                lines += rows.map { "| " + $0.map(escapeCell).joined(separator: " | ") + " |" }
            } else {
                var widths = header.map(\.count)
                for row in rows {
                    for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
                }
                if let tableWidth, widths.count > 1 {
                    let figures = widths.dropFirst().reduce(0, +) + 2 * (widths.count - 1)
                    widths[0] = max(4, min(widths[0], tableWidth - figures))
                }
                func line(_ cells: [String]) -> String {
                    cells.enumerated().map { index, full in
                        let cell = index == 0 && full.count > widths[0] ? String(full.prefix(widths[0] - 1)) + "…" : full
                        let padding = String(repeating: " ", count: widths[index] - cell.count)
                        return index == 0 ? cell + padding : padding + cell
                    }.joined(separator: "  ")
                }
                lines.append(line(header))
                lines += rows.map(line)
            }
        }
        func counts(_ title: String, _ column: String, _ rows: [ReportCount]) {
            heading(title)
            table([column, "Requests"], rows.map { [$0.label, String($0.count)] })
        }
        func turnaround(_ title: String, _ column: String, _ stats: [TurnaroundStat]) {
            heading(title)
            table([column, "Ack. n", "Ack. median", "Ack. p90", "Exec. n", "Exec. median", "Exec. p90"], stats.map {
                [$0.label, String($0.acknowledgedCount), ReportModel.days($0.acknowledgedMedian),
                 ReportModel.days($0.acknowledgedP90), String($0.executedCount), ReportModel.days($0.executedMedian),
                 ReportModel.days($0.executedP90)]
            })
        }
        func chart(_ title: String, _ bars: [BarChart.Bar]) {
            heading(title)
            let drawn = BarChart.render(bars, width: chartWidth, glyph: glyph)
            if drawn.isEmpty {
                lines.append(markdown ? "_None._" : "(none)")
            } else {
                lines += markdown ? ["```"] + drawn + ["```"] : drawn
            }
        }
        let period = switch (model.from, model.until) {
        case (nil, nil): "all requests"
        case (let from?, nil): "from \(day(from))"
        case (nil, let until?): "up to \(day(until.addingTimeInterval(-1)))"
        case (let from?, let until?): "\(day(from)) to \(day(until.addingTimeInterval(-1)))"
        }
        let title = "MLA Desk report, \(period)"
        lines.append(markdown ? "# \(title)" : title)
        lines.append("")
        lines.append("Generated \(LocalTime.format(model.generatedAt, timeZone: timeZone)). Requests in the period: \(model.total) (overdue now: \(model.overdue)).")
        counts("By direction", "Direction", model.byDirection)
        counts("By status", "Status", model.byStatus)
        counts("By country", "Country", model.byCountry)
        counts("By type", "Type", model.byType)
        counts("By channel", "Channel", model.byChannel)
        turnaround("Turnaround in days by country", "Country", model.turnaroundByCountry)
        turnaround("Turnaround in days by instrument", "Instrument", model.turnaroundByInstrument)
        heading("Refusals by ground")
        table(["Ground", "Refusals"], model.refusalsByGround.map { [$0.label, String($0.count)] })
        heading("Overdue now")
        table(["Reference", "Country", "Due"], model.oldestOverdue.map {
            [$0.reference.description, $0.country.rawValue, day($0.due)]
        })
        if model.overdue > model.oldestOverdue.count {
            lines.append("(the \(model.oldestOverdue.count) longest overdue of \(model.overdue))")
        }
        chart("Requests per month", model.monthlyBars)
        chart("Median days to execution by country", model.medianExecutionBars)
        heading("Method")
        lines += ReportModel.method.map { markdown ? "- \($0)" : $0 }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func escapeCell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
