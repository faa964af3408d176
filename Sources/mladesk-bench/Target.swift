/// One target of the benchmark: a check over the results that passes or fails, with the two
/// numbers it compared so the report can show them.
struct Target {
    var name: String
    /// What was measured, as the report prints it ("18.2 ms").
    var measured: String
    /// The limit it is held to ("≤ 30 ms").
    var limit: String
    var passed: Bool?

    var verdict: String {
        switch passed {
        case true?: "PASS"
        case false?: "FAIL"
        case nil: "MISSING"
        }
    }

    /// The targets of the benchmark, evaluated on a results table taken at `size` requests.
    static func evaluate(_ results: Results, size: Int) -> [Target] {
        var targets: [Target] = []
        func atMost(_ name: String, _ figure: String, at figureSize: Int, _ limit: Double, _ unit: String,
                    percentile99: Bool = false) {
            guard let found = results[figure, figureSize] else {
                targets.append(Target(name: name, measured: "not measured", limit: "≤ \(limit) \(unit)", passed: nil))
                return
            }
            let value = percentile99 ? found.p99 : found.median
            targets.append(Target(name: name, measured: "\(Figure.format(value)) \(unit)",
                                  limit: "≤ \(Figure.format(limit)) \(unit)", passed: value <= limit))
        }
        func ratio(_ name: String, _ figure: String, _ figureSize: Int, over base: String, _ baseSize: Int,
                   atMost limit: Double? = nil, atLeast floor: Double? = nil) {
            guard let ours = results[figure, figureSize], let other = results[base, baseSize], other.median > 0 else {
                targets.append(Target(name: name, measured: "not measured", limit: "", passed: nil))
                return
            }
            let value = ours.median / other.median
            let passed = limit.map { value <= $0 } ?? floor.map { value >= $0 } ?? true
            let bound = limit.map { "≤ \(Figure.format($0))×" } ?? floor.map { "≥ \(Figure.format($0))×" } ?? ""
            targets.append(Target(name: name, measured: "\(Figure.format(value))×", limit: bound, passed: passed))
        }
        atMost("open to first screen, tmux 200×50", "open.tmux", at: size, 150, "ms")
        atMost("open to first screen, in-process", "open.home", at: size, 30, "ms")
        atMost("open to the list of all, in-process", "open.list", at: size, 30, "ms")
        for filter in DeskFigures.filters {
            atMost("\(filter.name) keystroke median", filter.name, at: size, 5, "ms")
            atMost("\(filter.name) keystroke p99", filter.name, at: size, 16, "ms", percentile99: true)
        }
        atMost("open a request", "request.open", at: size, 5, "ms")
        ratio("save an edit ÷ sqlite3 FULL update", "save.edit", size, over: "floor.update", size, atMost: 2)
        atMost("peak memory, list scrolled end to end", "memory.peak", at: size, 64, "MiB")
        ratio("hashing ÷ openssl throughput", "hash.mladesk", 0, over: "hash.openssl", 0, atLeast: 0.9)
        atMost("demo generation", "demo.generate", at: size, 60_000, "ms")
        atMost("import of 10,000 as JSON", "import.json", at: 10_000, 10_000, "ms")
        let smaller = size / 10
        for figure in ["open.home", "open.list", "request.open"] + DeskFigures.filters.map(\.name) {
            ratio("growth \(smaller) → \(size): \(figure)", figure, size, over: figure, smaller, atMost: 1.5)
        }
        return targets
    }
}
