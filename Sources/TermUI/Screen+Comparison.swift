extension Screen {
    /// Compares the screen with expected rows of text (trailing spaces ignored, missing rows
    /// count as blank) and returns a readable report of the differing rows, or nil when they match.
    ///
    /// Tests write the expected screen inline and print this report on failure, which shows the
    /// first differing column instead of two walls of text.
    public func textDifferences(from expected: [String]) -> String? {
        var report: [String] = []
        let actual = lines()
        for y in 0..<max(actual.count, expected.count) {
            let got = y < actual.count ? actual[y] : "<no row>"
            var want = y < expected.count ? expected[y] : ""
            while want.last == " " { want.removeLast() }
            guard got != want else { continue }
            let column = zip(got, want).prefix { $0 == $1 }.reduce(0) { $0 + DisplayWidth.of($1.0) }
            report.append("row \(y), from column \(column):\n  expected |\(want)|\n  actual   |\(got)|")
        }
        return report.isEmpty ? nil : report.joined(separator: "\n")
    }

    /// Each row's roles as one letter per cell (see ``StyleRole/letter``), for compact role asserts.
    public func roleLines() -> [String] {
        (0..<height).map { y in String(row(y).map(\.role.letter)) }
    }
}
