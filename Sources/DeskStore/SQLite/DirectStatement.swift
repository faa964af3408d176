import Foundation
import GRDB
import GRDBSQLite

/// A value bound straight into an SQLite statement by ``GRDB/Statement/insert(_:)``.
enum BoundValue {
    case text(String)
    /// Text already encoded as UTF-8 (a record's canonical JSON), bound without making a string.
    case utf8(Data)
    case integer(Int64)
    case null

    static func text(_ text: String?) -> BoundValue {
        text.map(BoundValue.text) ?? .null
    }
}

/// Two hot paths that go around GRDB's general statement machinery to SQLite's C interface,
/// on GRDB's connection, with statements from GRDB's cache, inside GRDB's transactions.
///
/// GRDB boxes each argument, checks it against the statement, binds it in nested closures and
/// announces every execution to its observers; its generic cursor looks up type metadata for
/// every row it reads. That is nothing for one save, but it was a sixth of writing demo data
/// and imports (some sixty rows a request) and most of reading 54,000 full-text matches for a
/// broad search. An insert run this way is always run this way, since GRDB keeps its own idea
/// of a statement's bound arguments; the integer reads bind through GRDB.
extension Statement {
    /// Runs this `INSERT` (an upsert included) with `values`, inside the caller's transaction.
    ///
    /// Refuses to run outside one: after a full disk or an I/O error SQLite may roll the
    /// transaction back by itself, and a later row written without GRDB's checks would then be
    /// committed on its own.
    func insert(_ values: [BoundValue]) throws {
        guard sqlite3_get_autocommit(sqlite3_db_handle(sqliteStatement)) == 0 else {
            throw DatabaseError(resultCode: .SQLITE_ABORT, message: "a row of a bulk write outside its transaction", sql: sql)
        }
        try bind(values)
        let code = sqlite3_step(sqliteStatement)
        guard code == SQLITE_DONE else { throw failure(code, resetting: true) }
    }

    /// The first column of every row, as integers.
    func integers(_ arguments: StatementArguments) throws -> [Int64] {
        var result: [Int64] = []
        try forEachInteger(arguments) { value in
            result.append(value)
            return true
        }
        return result
    }

    /// Hands `body` the first column of each row, as an integer, until it returns false.
    /// The arguments are bound by GRDB. The statement is reset however it ends: one left
    /// active after the caller stops early would keep its connection's read transaction open
    /// past GRDB's commit, and every later read on that connection would see the desk as it
    /// was then.
    func forEachInteger(_ arguments: StatementArguments, _ body: (Int64) throws -> Bool) throws {
        defer { sqlite3_reset(sqliteStatement) }
        try setArguments(arguments)
        while true {
            switch sqlite3_step(sqliteStatement) {
            case SQLITE_ROW:
                guard try body(sqlite3_column_int64(sqliteStatement, 0)) else { return }
            case SQLITE_DONE:
                return
            case let code:
                throw failure(code, resetting: true)
            }
        }
    }

    private func bind(_ values: [BoundValue]) throws {
        let handle = sqliteStatement
        sqlite3_reset(handle)
        guard values.count == Int(sqlite3_bind_parameter_count(handle)) else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE,
                                message: "\(values.count) values for \(sqlite3_bind_parameter_count(handle)) parameters", sql: sql)
        }
        for (index, value) in values.enumerated() {
            let position = CInt(index + 1)
            let code: CInt =
                switch value {
                case var .text(text):
                    // Up to the first NUL, as GRDB binds text, so the rows are what they were.
                    text.withUTF8 { bindText(handle, position, UnsafeRawBufferPointer($0), upToNUL: true) }
                case let .utf8(data):
                    data.withUnsafeBytes { bindText(handle, position, $0, upToNUL: false) }
                case let .integer(number):
                    sqlite3_bind_int64(handle, position, number)
                case .null:
                    sqlite3_bind_null(handle, position)
                }
            guard code == SQLITE_OK else { throw failure(code, resetting: false) }
        }
    }

    /// Binds UTF-8 bytes where they lie (SQLite copies them), without the C string a Swift
    /// string passed to C would first be copied into.
    private func bindText(_ handle: SQLiteStatement, _ position: CInt, _ bytes: UnsafeRawBufferPointer,
                          upToNUL: Bool) -> CInt {
        guard let start = bytes.baseAddress else { return sqlite3_bind_text(handle, position, "", 0, transient) }
        let length = upToNUL ? memchr(start, 0, bytes.count).map { start.distance(to: UnsafeRawPointer($0)) } ?? bytes.count
            : bytes.count
        guard length <= Int(CInt.max) else { return SQLITE_TOOBIG }
        return sqlite3_bind_text(handle, position, start.assumingMemoryBound(to: CChar.self), CInt(length), transient)
    }

    /// The error SQLite reports for `code`, read before a reset could clear it.
    private func failure(_ code: CInt, resetting: Bool) -> DatabaseError {
        let error = DatabaseError(resultCode: ResultCode(rawValue: code),
                                  message: String(cString: sqlite3_errmsg(sqlite3_db_handle(sqliteStatement))), sql: sql)
        if resetting { sqlite3_reset(sqliteStatement) }
        return error
    }
}

/// SQLite copies a value bound with this destructor before the bind call returns.
private let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
