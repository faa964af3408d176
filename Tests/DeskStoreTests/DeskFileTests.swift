import DeskCore
import DeskTestSupport
import Foundation
import GRDB
import Testing

@testable import DeskStore

#if canImport(Glibc)
import Glibc
#endif

@Suite("Desk file identity, safety and durability")
struct DeskFileTests {
    @Test("No desk is made where an earlier desk of the name left its log or journal; the leftover is kept",
          arguments: ["-wal", "-shm", "-journal"])
    func noDeskBesideLeftovers(suffix: String) throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("desk.sqlite")
        let saves = Data("an earlier desk's last saves".utf8)
        try saves.write(to: URL(fileURLWithPath: path + suffix))
        let error = #expect(throws: DeskError.self) {
            _ = try DeskStore.open(path: path, officer: "Ana Müller", reference: Fixtures.reference)
        }
        #expect(error?.description.contains("desk.sqlite\(suffix) is left beside") == true, "\(String(describing: error))")
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path + suffix)) == saves)
    }

    @Test("A new desk is stamped with the application id and the latest format version")
    func newDeskIdentity() throws {
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        try store.close()
        let queue = try DatabaseQueue(path: folder.path("desk.sqlite"))
        let (applicationID, version) = try queue.read { db in
            (try Int32.fetchOne(db, sql: "PRAGMA application_id"), try Int.fetchOne(db, sql: "PRAGMA user_version"))
        }
        #expect(applicationID == DeskFormat.applicationID)
        #expect(version == DeskFormat.currentVersion)
        let migrations = try queue.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(migrations == DeskMigrations.names)
    }

    @Test("Opening a desk of an older format says so before upgrading it, and only then")
    func upgradeIsAnnounced() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("desk.sqlite")
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA application_id = \(DeskFormat.applicationID)") }
        try DeskMigrations.migrator.migrate(queue, upTo: DeskMigrations.names[3])
        try queue.close()
        var heard: [[Int]] = []
        try DeskStore.open(path: path, officer: "Ana Müller", upgrading: { heard.append([$0, $1]) }).close()
        #expect(heard == [[4, DeskFormat.currentVersion]])
        try DeskStore.open(path: path, officer: "Ana Müller", upgrading: { heard.append([$0, $1]) }).close()
        try DeskStore.open(path: folder.path("new.sqlite"), officer: "Ana Müller", upgrading: { heard.append([$0, $1]) }).close()
        #expect(heard == [[4, DeskFormat.currentVersion]])
    }

    @Test("Formats 7 to 9: list fields in every index the list walks and by row number, types counted; a format-6 desk upgrades alike")
    func listIndexesHoldTheListFields() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("desk.sqlite")
        let store = try Fixtures.store(in: folder)
        let countries: [CountryCode] = ["DE", "FR", "DE", "JP"]
        for index in 0..<24 {
            var request = Fixtures.request(index % 3 == 0 ? .incoming : .outgoing, country: countries[index % countries.count],
                                           facts: index % 4 == 1 ? "Sextortion ring" : "Phishing kit",
                                           officer: index.isMultiple(of: 2) ? "Ana Müller" : "Jean-Luc Dubois")
            request.urgency = index % 5 == 0 ? .urgent : .routine
            _ = try store.create(request)
        }
        var queries = [RequestQuery(country: "DE", urgency: .urgent), RequestQuery(direction: .incoming, country: "FR"),
                       RequestQuery(direction: .outgoing, statuses: [.draft], country: "DE", sort: .country),
                       RequestQuery(urgency: .routine, openOnly: true), RequestQuery(type: "subscriber_info", sort: .reference)]
        queries.append(RequestQuery(country: "DE", officer: "Jean-Luc Dubois", sort: .officer, descending: false))
        queries.append(RequestQuery(direction: .outgoing, text: "sextortion", sort: .country))
        queries.append(RequestQuery(direction: .incoming, type: "subscriber_info", urgency: .routine))
        let answers = try queries.map { (try store.count($0), try store.page($0, offset: 0, limit: 50).map(\.id)) }
        #expect(answers.contains { $0.0 > 0 && $0.0 < 24 }, "the fixture must tell the filters apart")
        try store.close()

        func indexColumns() throws -> [[String]] {
            let queue = try DatabaseQueue(path: path)
            defer { try? queue.close() }
            return try queue.read { db in
                try (ListFieldsInIndexesMigration.indexes.map(\.name) + [ListFieldsByNumberMigration.index]).map { index in
                    try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info(?) ORDER BY seqno", arguments: [index])
                }
            }
        }
        let expected = ListFieldsInIndexesMigration.indexes.map { ListFieldsInIndexesMigration.columns(order: $0.order) }
            + [ListFieldsByNumberMigration.columns]
        #expect(try indexColumns() == expected)
        #expect(expected[0] == ["country", "updated_at", "num", "direction", "status", "officer", "urgency", "is_open", "due_at"])
        #expect(expected[5] == ["updated_at", "num", "direction", "status", "country", "officer", "urgency", "is_open", "due_at"])
        #expect(expected[6] == ["num", "updated_at", "primary_type", "reference", "direction", "status", "country", "officer",
                                "urgency", "is_open", "due_at"])

        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try DirectionInIndexesMigration.apply(db)
            try db.execute(sql: """
                DROP INDEX request_by_updated; CREATE INDEX request_by_updated ON request (direction, updated_at);
                DROP INDEX request_by_all_updated; CREATE INDEX request_by_all_updated ON request (updated_at);
                DROP INDEX request_by_num;
                DROP TABLE request_type_count; DROP INDEX request_type_by_request;
                DROP TRIGGER request_type_count_insert; DROP TRIGGER request_type_count_delete;
                DROP TRIGGER request_type_count_update;
                """)
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier IN (?, ?, ?)",
                           arguments: [DeskMigrations.names[6], DeskMigrations.names[7], DeskMigrations.names[8]])
            try db.execute(sql: "PRAGMA user_version = 6")
        }
        try queue.close()
        #expect(try indexColumns()[0] == ["country", "updated_at", "direction"])

        var heard: [[Int]] = []
        let upgraded = try DeskStore.open(path: path, officer: "Ana Müller", upgrading: { heard.append([$0, $1]) })
        #expect(heard == [[6, DeskFormat.currentVersion]])
        let typesOfOne = try upgraded.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT type FROM request_type WHERE request_num = ?", arguments: [1])
                .map { $0["detail"] as String }.joined(separator: " / ")
        }
        #expect(typesOfOne.contains("request_type_by_request"),
                "the type counts' triggers find a request's types without reading every type row: \(typesOfOne)")
        #expect(try queries.map { (try upgraded.count($0), try upgraded.page($0, offset: 0, limit: 50).map(\.id)) }
            .elementsEqual(answers) { $0.0 == $1.0 && $0.1 == $1.1 })
        try upgraded.close()
        #expect(try indexColumns() == expected)
    }

    @Test("synchronous stays FULL after the pool's own WAL setup")
    func synchronousIsFull() throws {
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        _ = try store.create(Fixtures.request())
        #expect(try store.synchronousLevel() == 2)
    }

    @Test("Closing folds the log into the desk file: no -wal or -shm is left, and the file alone holds every save")
    func closeLeavesTheDeskWhole() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("desk.sqlite")
        let store = try Fixtures.store(in: folder)
        let saved = try store.create(Fixtures.request())
        // Reads open the pool's read-only connections, which SQLite would let close last.
        #expect(try store.details(id: saved.id)?.request.reference == saved.reference)
        #expect(try store.count(RequestQuery()) == 1)
        try store.close()
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: path + "-shm"))

        let copy = folder.path("copy.sqlite")
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        let reopened = try DeskStore.open(path: copy, officer: "Ana Müller", createIfMissing: false)
        defer { try? reopened.close() }
        #expect(try reopened.details(id: saved.id)?.request.reference == saved.reference)
    }

    /// Root may write anywhere, so the tests cannot make SQLite refuse; the reasons are checked
    /// for each case of what is closed.
    @Test("A read-only desk names what is closed: the file, or the folder its log must go in")
    func readOnlyReasons() {
        let file = DeskStoreErrors.readOnlyReason(path: "/media/usb/desk.sqlite", fileWritable: false, folderWritable: false,
                                                  detail: "attempt to write a readonly database")
        #expect(file == "/media/usb/desk.sqlite cannot be written (attempt to write a readonly database); copy it to a folder you can write to, to open it")
        let folder = DeskStoreErrors.readOnlyReason(path: "/media/usb/desk.sqlite", fileWritable: true, folderWritable: false,
                                                    detail: "attempt to write a readonly database")
        #expect(folder.hasPrefix("the folder /media/usb cannot be written, and the desk keeps its log (-wal) beside it"))
        #expect(DeskError.readOnly(folder).description.hasPrefix("The desk is read-only: the folder /media/usb"))
    }

    @Test("Every connection keeps 8 MiB of pages, the list's indexes at 100,000 requests, reads and writes alike")
    func pageCache() throws {
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        #expect(try store.read { try Int.fetchOne($0, sql: "PRAGMA cache_size") } == -8_192)
        #expect(try store.write { try Int.fetchOne($0, sql: "PRAGMA cache_size") } == -8_192)
    }

    @Test("Files are 0600 and new folders 0700 even with a permissive umask", arguments: [0o022, 0o002, 0o000])
    func privateModes(mask: Int) throws {
        let folder = try TemporaryDirectory()
        let old = umask(mode_t(mask))
        defer { umask(old) }
        let path = folder.path("nested/deeper/desk.sqlite")
        let store = try DeskStore.open(path: path, officer: "Ana", clock: FixedClock(Fixtures.today))
        _ = try store.create(Fixtures.request())
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            #expect(try mode(file) == 0o600, "\(file)")
        }
        #expect(try mode(folder.path("nested")) == 0o700)
        #expect(try mode(folder.path("nested/deeper")) == 0o700)
    }

    enum Foreign: String, CaseIterable {
        case randomBytes, empty, zip, otherSQLite, directory
    }

    @Test("A file that is not a desk is refused and left byte for byte as it was", arguments: Foreign.allCases)
    func refusesForeignFiles(kind: Foreign) throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("suspect")
        switch kind {
        case .randomBytes:
            var generator = SystemRandomNumberGenerator()
            try Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) }).write(to: URL(fileURLWithPath: path))
        case .empty:
            try Data().write(to: URL(fileURLWithPath: path))
        case .zip:
            try Data([0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 200)).write(to: URL(fileURLWithPath: path))
        case .otherSQLite:
            let queue = try DatabaseQueue(path: path)
            try queue.write { try $0.execute(sql: "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x')") }
            try queue.close()
        case .directory:
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        }
        // The umask test beside this one may run meanwhile with umask 0; a world-writable file is
        // refused for that reason first, and this test is about what the file is.
        chmod(path, kind == .directory ? 0o700 : 0o600)
        let before = try snapshot(folder)
        #expect {
            _ = try DeskStore.open(path: path, officer: "Ana")
        } throws: { error in
            guard case let .notADesk(reportedPath, _) = error as? DeskError else { return false }
            return reportedPath == path
        }
        #expect(try snapshot(folder) == before)
    }

    @Test("A desk from a newer program is refused without migrating or writing")
    func refusesNewerFormat() throws {
        let folder = try TemporaryDirectory()
        try Fixtures.store(in: folder).close()
        let path = folder.path("desk.sqlite")
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA user_version = 99") }
        try queue.close()
        let before = try snapshot(folder)
        #expect(throws: DeskError.newerFormat(path: path, version: 99)) {
            _ = try DeskStore.open(path: path, officer: "Ana")
        }
        #expect(try snapshot(folder) == before)
    }

    @Test("A world-writable desk is refused with the reason")
    func refusesWorldWritable() throws {
        let folder = try TemporaryDirectory()
        try Fixtures.store(in: folder).close()
        let path = folder.path("desk.sqlite")
        chmod(path, 0o666)
        #expect {
            _ = try DeskStore.open(path: path, officer: "Ana")
        } throws: { error in
            guard case let .unsafeFile(_, reason) = error as? DeskError else { return false }
            return reason.contains("anyone")
        }
    }

    @Test("Opening a missing desk without permission to create it says so and creates nothing")
    func missingWithoutCreate() throws {
        let folder = try TemporaryDirectory()
        #expect(throws: DeskError.self) {
            _ = try DeskStore.open(path: folder.path("none.sqlite"), officer: "Ana", createIfMissing: false)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path("none.sqlite")))
    }

    private func mode(_ path: String) throws -> Int {
        var info = stat()
        guard stat(path, &info) == 0 else { throw CocoaError(.fileNoSuchFile) }
        return Int(info.st_mode & 0o777)
    }

    /// Every file in the folder with its bytes, to prove nothing was written.
    private func snapshot(_ folder: TemporaryDirectory) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder.path(name), isDirectory: &isDirectory)
            result[name] = isDirectory.boolValue ? Data("<dir>".utf8) : try Data(contentsOf: folder.url.appendingPathComponent(name))
        }
        return result
    }
}
