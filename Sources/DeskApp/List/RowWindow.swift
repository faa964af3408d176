import DeskCore

/// The few pages of list rows held around the cursor; the rest stays in the database.
///
/// The list never loads every row: it keeps the page under the cursor and its neighbours,
/// asks for missing ones as the cursor moves, and forgets pages that fall out of reach, so a
/// desk of 100,000 requests costs the same memory as one of a hundred.
public struct RowWindow: Equatable, Sendable {
    /// Rows per page asked from the store.
    public static let pageSize = 50
    /// Pages kept on each side of the cursor's page.
    public static let reach = 1

    public private(set) var pages: [Int: [RequestSummary]] = [:]
    public private(set) var pending: Set<Int> = []

    public init() {}

    public func row(at index: Int) -> RequestSummary? {
        guard index >= 0 else { return nil }
        let page = pages[index / Self.pageSize]
        let offset = index % Self.pageSize
        guard let page, offset < page.count else { return nil }
        return page[offset]
    }

    public var loadedRowCount: Int { pages.values.reduce(0) { $0 + $1.count } }

    /// The pages the cursor needs and that are neither held nor asked for, as runs of adjacent
    /// pages (each run is one query); marks them asked.
    public mutating func pagesToRequest(around cursor: Int, total: Int) -> [Range<Int>] {
        guard total > 0 else { return [] }
        let centre = max(0, min(cursor, total - 1)) / Self.pageSize
        let lastPage = (total - 1) / Self.pageSize
        let wanted = max(0, centre - Self.reach)...min(lastPage, centre + Self.reach)
        pages = pages.filter { wanted.contains($0.key) }
        pending = pending.filter { wanted.contains($0) }
        let missing = wanted.filter { pages[$0] == nil && !pending.contains($0) }
        pending.formUnion(missing)
        var runs: [Range<Int>] = []
        for page in missing {
            if let last = runs.last, last.upperBound == page {
                runs[runs.count - 1] = last.lowerBound..<(page + 1)
            } else {
                runs.append(page..<(page + 1))
            }
        }
        return runs
    }

    /// Stores the pages of a run that arrived (`limit` rows asked from `offset`, fewer at the
    /// end of the list); pages no longer wanted are dropped on the next move.
    public mutating func receive(offset: Int, limit: Int, rows: [RequestSummary]) {
        let first = offset / Self.pageSize
        for page in first..<(first + max(1, limit / Self.pageSize)) {
            let start = (page - first) * Self.pageSize
            pending.remove(page)
            pages[page] = start < rows.count ? Array(rows[start..<min(rows.count, start + Self.pageSize)]) : []
        }
    }

    /// Forgets every row, for a new query.
    public mutating func reset() {
        pages = [:]
        pending = []
    }
}
