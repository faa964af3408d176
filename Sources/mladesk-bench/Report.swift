import Foundation

/// Turns a results file into the tables of `docs/benchmarks.md`: every figure by desk size,
/// the ratios against the floor and the peers measured in the same run, and the targets.
struct Report {
    let results: Results
    /// The desk size the targets and ratios are taken at.
    let size: Int

    /// Ours, the floor (the `sqlite3` shell on the same file) and the peer doing the same job.
    static let comparisons: [(ours: String, floor: String?, peer: String?)] = [
        ("open.home", "floor.overview", nil),
        ("open.tmux", nil, "vd.open"),
        ("open.list", "floor.list", "task.list"),
        ("filter.text", "floor.filter.text", nil),
        ("filter.field", "floor.filter.field", "task.filtered"),
        ("filter.fts", "floor.filter.fts", nil),
        ("filter.flags", "floor.filter.flags", nil),
        ("filter.tab", "floor.filter.tab", nil),
        ("request.open", "floor.details", "task.info"),
        ("save.edit", "floor.update", "task.modify"),
        ("status.change", "floor.update", nil),
    ]

    var targets: [Target] { Target.evaluate(results, size: size) }

    var markdown: String {
        var lines = ["### Figures: median (min–max), p99 where it matters", ""]
        let sizes = results.sizes
        lines.append("| figure | unit | " + sizes.map { $0 == 0 ? "—" : "\($0)" }.joined(separator: " | ") + " |")
        lines.append("|---|---|" + sizes.map { _ in "---|" }.joined())
        for name in results.names {
            let unit = results.figures.first { $0.name == name }?.unit ?? ""
            let cells = sizes.map { size -> String in
                guard let figure = results[name, size] else { return "" }
                let p99 = figure.count >= 20 ? "; p99 \(Figure.format(figure.p99))" : ""
                return figure.medianWithRange + p99
            }
            lines.append("| \(name) | \(unit) | " + cells.joined(separator: " | ") + " |")
        }
        lines += ["", "### Ratios at \(size) requests (medians, same run)", "",
                  "| ours | ours ÷ floor | ours ÷ peer |", "|---|---|---|"]
        for comparison in Self.comparisons {
            guard let ours = results[comparison.ours, size] else { continue }
            let floor = comparison.floor.flatMap { results[$0, size] }.map { ratioText(ours, $0) } ?? ""
            let peer = comparison.peer.flatMap { results[$0, size] }.map { ratioText(ours, $0) } ?? ""
            lines.append("| \(comparison.ours) | \(floor) | \(peer) |")
        }
        if let save = results["floor.save", size], let update = results["floor.update", size] {
            lines.append("| floor.save: a save's own SQL in the shell | \(ratioText(save, update)) | |")
        }
        if let ours = results["hash.mladesk", 0] {
            for other in ["hash.openssl", "hash.sha256sum"] {
                guard let theirs = results[other, 0] else { continue }
                lines.append("| hash.mladesk throughput ÷ \(other) | | \(ratioText(ours, theirs)) |")
            }
        }
        lines += growthLines
        lines += ["", "### Targets at \(size) requests", "", "| target | measured | limit | verdict |", "|---|---|---|---|"]
        for target in targets {
            lines.append("| \(target.name) | \(target.measured) | \(target.limit) | \(target.verdict) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// How much each figure with a floor grows over ten times the desk, beside how much the
    /// floor's own SQL grows on the same two files: what SQLite alone does with more rows.
    private var growthLines: [String] {
        let smaller = size / 10
        var lines = ["", "### Growth \(smaller) → \(size), ours and the floor's (medians, same run)", "",
                     "| figure | ours | the floor |", "|---|---|---|"]
        for comparison in Self.comparisons {
            guard let floor = comparison.floor, let ours = growth(comparison.ours, from: smaller) else { continue }
            lines.append("| \(comparison.ours) | \(Figure.format(ours))× | \(growth(floor, from: smaller).map { "\(Figure.format($0))× (\(floor))" } ?? "") |")
        }
        return lines
    }

    private func growth(_ name: String, from smaller: Int) -> Double? {
        guard let large = results[name, size], let small = results[name, smaller], small.median > 0 else { return nil }
        return large.median / small.median
    }

    private func ratioText(_ ours: Figure, _ other: Figure) -> String {
        guard other.median > 0 else { return "" }
        return "\(Figure.format(ours.median / other.median))× (\(other.name) \(Figure.format(other.median)) \(other.unit))"
    }
}
