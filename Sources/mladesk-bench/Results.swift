import Foundation

/// The figures of one run, read from the tab-separated file every step appends to.
struct Results {
    private(set) var figures: [Figure] = []

    init(figures: [Figure]) {
        self.figures = figures
    }

    init(contentsOf path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        figures = text.split(separator: "\n").compactMap { Figure(line: String($0)) }
    }

    /// The last figure of that name at that size (a re-measured figure replaces the earlier one).
    subscript(name: String, size: Int) -> Figure? {
        figures.last { $0.name == name && $0.size == size }
    }

    var names: [String] {
        var seen: Set<String> = []
        return figures.map(\.name).filter { seen.insert($0).inserted }
    }

    var sizes: [Int] {
        Array(Set(figures.map(\.size))).sorted()
    }
}
