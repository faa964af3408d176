import DeskCore
import Foundation
import GRDB

extension DeskStore {
    /// How many requests match; the list shows it as "41–62 of N".
    public func count(_ query: RequestQuery) throws -> Int {
        try read { db in
            switch try WordSelection(query, memo: self.breadth, cache: self.textMatches, in: db) {
            case .many(let plan):
                return try plan.count(in: db)
            case .few(let matches):
                return try WordSelection.count(among: matches, meeting: query, in: db)
            case .none:
                let sql = RequestCountSQL(query)
                return try Int.fetchOne(db, sql: sql.sql, arguments: sql.arguments) ?? 0
            }
        }
    }

    /// One page of the list, in the query's order. Words that match few requests find the
    /// page's row numbers in the index of list fields, and only those rows are read.
    public func page(_ query: RequestQuery, offset: Int, limit: Int) throws -> [RequestSummary] {
        try read { db in
            switch try WordSelection(query, memo: self.breadth, cache: self.textMatches, in: db) {
            case .many(let plan):
                return try Self.summaries(nums: plan.page(offset: max(0, offset), limit: limit, in: db), in: db)
            case .few(let matches):
                return try Self.summaries(nums: WordSelection.page(among: matches, of: query, offset: max(0, offset),
                                                                   limit: max(0, limit), in: db), in: db)
            case .none:
                let sql = try RequestQuerySQL.forPage(query, depth: max(0, offset) + max(0, limit), memo: self.breadth, in: db)
                return try Row.fetchAll(
                    db,
                    sql: """
                        SELECT \(Self.summaryColumns)
                        FROM request \(sql.whereClause) \(sql.orderClause) LIMIT ? OFFSET ?
                        """,
                    arguments: sql.arguments + [max(0, limit), max(0, offset)]
                ).compactMap(Self.summary(from:))
            }
        }
    }

    /// The list rows of the requests numbered `nums`, in that order, looked up a screenful or
    /// so per statement (a listing without limit may name more than SQLite takes at once).
    private static func summaries(nums: [Int64], in db: Database) throws -> [RequestSummary] {
        var byNum: [Int64: RequestSummary] = [:]
        for start in stride(from: 0, to: nums.count, by: 500) {
            let chunk = nums[start..<min(nums.count, start + 500)]
            for row in try Row.fetchAll(
                db.cachedStatement(
                    sql: "SELECT \(summaryColumns), num FROM request WHERE num IN (\(databaseQuestionMarks(count: chunk.count)))"),
                arguments: StatementArguments(chunk)) {
                byNum[row[10]] = summary(from: row)
            }
        }
        return nums.compactMap { byNum[$0] }
    }

    /// The columns a list row needs, in the order ``summary(from:)`` reads them by position
    /// (a lookup by name costs a case-insensitive search per column, per row).
    static let summaryColumns = "id, reference, country, types, status, urgency, due_at, officer, updated_at, operation"

    static func summary(from row: Row) -> RequestSummary? {
        guard let id = UUID(uuidString: row[0]), let reference = RequestReference(row[1] as String),
            let status = RequestStatus(rawValue: row[4]), let urgency = Urgency(rawValue: row[5])
        else { return nil }
        let types = typeIDs(row[3])
        return RequestSummary(
            id: id, reference: reference, country: CountryCode(row[2] as String), types: types, status: status,
            urgency: urgency, due: (row[6] as Int64?).map { Date(timeIntervalSince1970: Double($0) / 1000) },
            officer: row[7], updatedAt: Date(timeIntervalSince1970: Double(row[8] as Int64) / 1000),
            operation: row[9])
    }

    /// The comma-separated type ids of a row; ASCII (every stored id) is split by byte rather
    /// than by grapheme, which the list pays for on every row of every page.
    static func typeIDs(_ text: String) -> [RequestTypeID] {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.split(separator: ",").map { RequestTypeID(String($0)) }
        }
        return text.utf8.split(separator: UInt8(ascii: ",")).map { RequestTypeID(String(Substring($0))) }
    }

    /// How far ahead the home screen looks for preservations about to lapse.
    public static let preservationWarningDays = 14

    /// The home screen's figures.
    public func overview(now: Date, recentLimit: Int = 8) throws -> DeskOverview {
        let nowMillis = DeskJSON.milliseconds(now)
        let weekMillis = DeskJSON.milliseconds(now.addingTimeInterval(7 * 86_400))
        let warningMillis = DeskJSON.milliseconds(
            now.addingTimeInterval(TimeInterval(Self.preservationWarningDays) * 86_400))
        return try read { db in
            let counts = try Row.fetchAll(
                db, sql: "SELECT direction, status, SUM(n) AS n FROM request_count GROUP BY direction, status HAVING SUM(n) > 0")
                .compactMap { row -> DeskOverview.StatusCount? in
                    guard let direction = Direction(rawValue: row["direction"]), let status = RequestStatus(rawValue: row["status"])
                    else { return nil }
                    return .init(direction: direction, status: status, count: row["n"])
                }
            // `is_open IN (0, 1)`: every request with a due date (a final one has none but an
            // executed preservation's expiry), read through the indexes that lead with `is_open`.
            let overdue = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM request WHERE is_open IN (0, 1) AND due_at < ?", arguments: [nowMillis]) ?? 0
            let dueSoon = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM request WHERE is_open IN (0, 1) AND due_at >= ? AND due_at < ?",
                arguments: [nowMillis, weekMillis]) ?? 0
            let expiring = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM request WHERE is_open IN (0, 1) AND preservation_due_at < ?",
                arguments: [warningMillis]) ?? 0
            let emergencies = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM request WHERE urgency = 'emergency' AND is_open = 1") ?? 0
            let recent = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Self.summaryColumns)
                    FROM request ORDER BY updated_at DESC, num DESC LIMIT ?
                    """,
                arguments: [recentLimit]
            ).compactMap(Self.summary(from:))
            return DeskOverview(statusCounts: counts, overdue: overdue, dueWithinWeek: dueSoon,
                                emergenciesOpen: emergencies, recentlyChanged: recent,
                                preservationsExpiring: expiring, officers: try Self.assignedOfficers(in: db))
        }
    }

    /// Each officer a request is assigned to, once, in order.
    public func assignedOfficers() throws -> [String] {
        try read { try Self.assignedOfficers(in: $0) }
    }

    /// Each officer a request is assigned to, once, in order: one look-up in the officer index
    /// per officer, so a desk of 100,000 requests and a dozen officers reads a few dozen pages.
    static func assignedOfficers(in db: Database) throws -> [String] {
        var officers: [String] = []
        let next = try db.cachedStatement(sql: "SELECT MIN(officer) FROM request WHERE officer > ?")
        while let officer = try String.fetchOne(next, arguments: [officers.last ?? ""]) {
            officers.append(officer)
        }
        return officers
    }

    /// A request with its history, checklist and evidence; `nil` when there is none with that id.
    public func details(id: UUID) throws -> RequestDetails? {
        try read { db in try Self.details(id: id, in: db) }
    }

    public func details(reference: RequestReference) throws -> RequestDetails? {
        try read { db in
            guard let id = try String.fetchOne(db, sql: "SELECT id FROM request WHERE reference = ?",
                                               arguments: [reference.description]).flatMap(UUID.init(uuidString:))
            else { return nil }
            return try Self.details(id: id, in: db)
        }
    }

    /// Whether a request with this id is on the desk: one look-up through a prepared statement
    /// (an import asks it of every request before loading the few that are).
    static func holdsRequest(_ id: UUID, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM request WHERE id = ?)"),
                          arguments: [id.text]) ?? false
    }

    static func details(id: UUID, in db: Database) throws -> RequestDetails? {
        guard let body = try storedBody(id, in: db) else { return nil }
        func bodies<T: Decodable>(_ type: T.Type, _ sql: String) throws -> [T] {
            try String.fetchAll(db.cachedStatement(sql: sql), arguments: [id.uuidString]).map { try RequestRows.decode(type, $0) }
        }
        return RequestDetails(
            request: try RequestRows.decode(Request.self, body), history: try history(of: id, in: db),
            checklist: try checklist(of: id, in: db),
            exchanges: try bodies(EvidenceExchange.self, "SELECT body FROM evidence_exchange WHERE request_id = ? ORDER BY at, id"),
            items: try bodies(EvidenceItem.self, "SELECT body FROM evidence_item WHERE request_id = ? ORDER BY position, id"),
            custody: try bodies(CustodyEvent.self, "SELECT body FROM custody_event WHERE request_id = ? ORDER BY num"))
    }

    /// The stored request's canonical JSON, as its row holds it.
    static func storedBody(_ id: UUID, in db: Database) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT body FROM request WHERE id = ?"), arguments: [id.uuidString])
    }

    /// The audit rows of one request and its attachments, oldest first.
    public func audit(requestID: UUID) throws -> [AuditEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit WHERE request_id = ? ORDER BY seq", arguments: [requestID.uuidString])
                .map(AuditLog.entry(from:))
        }
    }

    /// Audit rows of the whole desk (or one request) from a moment on, oldest first.
    public func auditTrail(requestID: UUID? = nil, since: Date? = nil, limit: Int = Int.max) throws -> [AuditEntry] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let requestID {
            conditions.append("request_id = ?")
            arguments += [requestID.uuidString]
        }
        if let since {
            conditions.append("at >= ?")
            arguments += [DeskJSON.milliseconds(since)]
        }
        let clause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit \(clause) ORDER BY seq LIMIT ?", arguments: arguments + [limit])
                .map(AuditLog.entry(from:))
        }
    }
}
