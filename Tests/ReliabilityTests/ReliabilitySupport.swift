import DeskCore
import DeskStore
import DeskTestSupport
import Foundation
import GRDB
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What the reliability tests share: a desk made and first opened through the real program,
/// a way to say what a desk holds (so "nothing changed" can be checked), and child processes.
enum Reliability {
    /// A desk with `requests` requests, created in-process and then opened once by the real
    /// program, so that anything the program writes on a first open is already there.
    static func desk(in folder: TemporaryDirectory, requests: Int = 2, name: String = "desk.sqlite") throws -> CommandRunner {
        let store = try Fixtures.store(in: folder, name: name)
        for index in 0..<requests {
            _ = try store.create(Fixtures.request(facts: "Request number \(index) on the desk."))
        }
        try store.close()
        let cli = CommandRunner(database: folder.path(name))
        let first = try cli.run(["verify"])
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        return cli
    }

    /// What a desk holds: every row of every table, read with a plain SQLite connection, and
    /// how long its audit trail is. Equal contents mean nothing was saved, not even a row that
    /// `export` would not show. The verify checkpoint is left out: the check the desk runs when
    /// it opens moves it forward, which saves nothing of the case.
    struct Contents: Equatable, CustomStringConvertible {
        var rows: [String: [String]]
        var auditRows: Int
        var description: String { "\(auditRows) audit rows in \(rows.count) tables" }
    }

    static func contents(_ cli: CommandRunner) throws -> Contents {
        try contents(atPath: cli.environment["MLADESK_DB"]!)
    }

    static func contents(atPath path: String) throws -> Contents {
        try read(path) { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            var rows: [String: [String]] = [:]
            for table in tables {
                let filter = table == "desk_meta" ? " WHERE key != 'verify_checkpoint'" : ""
                rows[table] = try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"\(filter)").map(\.description)
            }
            let audit = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit") ?? -1
            return Contents(rows: rows, auditRows: audit)
        }
    }

    /// Reads the desk with a plain SQLite connection, outside the program.
    static func read<T>(_ path: String, _ body: (Database) throws -> T) throws -> T {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read(body)
    }

    static func integrityCheck(_ path: String) throws -> [String] {
        try read(path) { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
    }

    /// A helper program built beside the test bundle (`mladesk`, `desk-stress`).
    static func binary(_ name: String) -> String {
        URL(fileURLWithPath: CommandRunner.binary).deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// Runs a bash command line with the desk's environment (for `ulimit`, `umask`, `LD_PRELOAD`).
    static func shell(_ script: String, _ cli: CommandRunner, extra: [String: String] = [:]) throws -> CommandRunner.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.environment = cli.environment.merging(extra) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return .init(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: errData, as: UTF8.self))
    }

    static var isRoot: Bool { geteuid() == 0 }

    /// Mounts a private tmpfs of `size` bytes (root only); unmounted by the returned closure.
    static func mountTmpfs(at path: String, size: Int, readOnly: Bool = false) throws -> () -> Void {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let options = "size=\(size),mode=0700" + (readOnly ? ",ro" : "")
        let result = try run("/bin/mount", ["-t", "tmpfs", "-o", options, "tmpfs", path])
        guard result.status == 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSLocalizedDescriptionKey: result.stderr]) }
        return { _ = try? run("/bin/umount", ["-l", path]) }
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> CommandRunner.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return .init(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: errData, as: UTF8.self))
    }

    static func mode(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_mode & 0o777) : -1
    }
}
