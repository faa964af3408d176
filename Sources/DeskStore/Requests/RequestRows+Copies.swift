import DeskCore
import Foundation
import GRDB

extension RequestRows {
    /// The copies of `request` kept for lists, counts and search that disagree with it, named
    /// for people: the request table's columns (the due dates only when `due` is given), its
    /// rows of types and its full-text entry. `stored` is the request's row.
    ///
    /// Lists, the agenda and searches read these copies, never the audited body, so a copy
    /// changed behind the program's back would hide a request or an overdue deadline while
    /// every record still matched its audit trail; `verify` compares them all.
    static func disagreeingCopies(of request: Request, stored: Row, due: DueColumns?, in db: Database) throws -> [String] {
        let num: Int64 = stored["num"]
        var wrong = columns(request, due: due ?? DueColumns(RequestDeadlines(computed: [], manual: nil)), body: Data())
            .filter { column in
                column.name != "body" && (due != nil || !DueColumns.names.contains(column.name))
                    && (stored[column.name] as DatabaseValue) != (column.value?.databaseValue ?? .null)
            }
            .map(\.name)
        let types = try String.fetchAll(
            db.cachedStatement(sql: "SELECT type FROM request_type WHERE request_num = ? ORDER BY type"), arguments: [num])
        if types != Set(request.types.map(\.rawValue)).sorted() {
            wrong.append("its rows of types")
        }
        if try storedFullText(num: num, in: db) != ftsValues(request).map(Optional.some) {
            wrong.append("its full-text entry")
        }
        return wrong
    }
}
