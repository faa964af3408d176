import DeskCore
import DeskStore
import DeskTestSupport
import Foundation
import PropertyBased
import Testing

/// Row 12: hostile archives are refused with the first problem named, and a refused import
/// leaves every row of every table as it was. (The file's header counters are not compared:
/// GRDB's pool writes an empty schema change on every open of a cleanly closed desk, to create
/// the `-wal`, so the bytes of page 1 move even when nothing is saved.)
@Suite("Hostile archives and JSON")
struct HostileImportTests {
    @Test("Property: any mutation of a real archive is imported whole or refused with a reason, the file unchanged")
    func mutatedArchives() async throws {
        let folder = try TemporaryDirectory("mutate")
        let base = try Self.baseArchive(folder)
        let template = try Self.emptyDesk(folder)
        let before = try Reliability.contents(atPath: template)
        var outcomes: [String: Int] = [:]
        await propertyCheck(count: 150, input: Gen.int(in: 0...10_000), Gen.int(in: 0...12), Gen<UInt8>.value(in: 0...255).array(of: 0...24)) {
            node, kind, bytes in
            let data = ArchiveMutation(node: node, kind: kind, bytes: bytes).apply(to: base)
            let path = folder.path("case-\(UUID().uuidString.prefix(8)).sqlite")
            try FileManager.default.copyItem(atPath: template, toPath: path)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let store = try DeskStore.open(path: path, officer: "Ana Müller", clock: FixedClock(Fixtures.today),
                                           createIfMissing: false, reference: Fixtures.reference)
            do {
                let archive = try RequestArchive.decode(data)
                _ = try store.importArchive(archive, reference: Fixtures.reference)
                outcomes["imported", default: 0] += 1
                #expect(try store.verify().isSound)
            } catch let error as DeskError {
                guard case let .importRejected(reason) = error else {
                    Issue.record("not an import refusal: \(error.description)")
                    return
                }
                outcomes["refused", default: 0] += 1
                #expect(reason.count >= 10, "a reason that names nothing: \(reason)")
                try store.close()
                #expect(try Reliability.contents(atPath: path) == before, "a refused import changed the desk: \(reason)")
                return
            }
            try store.close()
        }
        #expect(outcomes["refused", default: 0] > 0, "\(outcomes)")
    }

    enum Hostile: String, CaseIterable {
        case deeplyNested, hugeString, wrongType, duplicateIDs, notJSON, truncated
    }

    @Test("The command line refuses deep nesting, huge strings, wrong types, duplicate ids and broken JSON, the desk unchanged",
          arguments: Hostile.allCases)
    func commandLine(kind: Hostile) throws {
        let folder = try TemporaryDirectory("hostile")
        let base = try Self.baseArchive(folder)
        let cli = try Reliability.desk(in: folder, requests: 0, name: "target.sqlite")
        let file = folder.path("hostile.json")
        let expected: String
        switch kind {
        case .deeplyNested:
            try Data((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8).write(to: URL(fileURLWithPath: file))
            expected = "not an MLA Desk request archive"
        case .hugeString:
            try ArchiveMutation.rewrite(base) { $0["deskID"] = String(repeating: "x", count: 20 << 20) }.write(to: URL(fileURLWithPath: file))
            expected = "deskID: is not a desk id"
        case .wrongType:
            try ArchiveMutation.rewrite(base) { root in
                var requests = root["requests"] as! [[String: Any]]
                var first = requests[0]["request"] as! [String: Any]
                first["version"] = "seven"
                requests[0]["request"] = first
                root["requests"] = requests
            }.write(to: URL(fileURLWithPath: file))
            expected = "requests[0].request.version"
        case .duplicateIDs:
            try ArchiveMutation.rewrite(base) { root in
                let requests = root["requests"] as! [Any]
                root["requests"] = requests + [requests[0]]
            }.write(to: URL(fileURLWithPath: file))
            expected = "appears twice"
        case .notJSON:
            try Data("{\"format\": \"mladesk-requests\", \u{0}\u{1B}[2J".utf8).write(to: URL(fileURLWithPath: file))
            expected = "not valid JSON"
        case .truncated:
            try base.prefix(base.count / 2).write(to: URL(fileURLWithPath: file))
            expected = "not valid JSON"
        }
        let before = try Reliability.contents(cli)
        let result = try cli.run(["import", file])
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stderr.hasPrefix("mladesk: Import refused, nothing was changed: "), "\(result.stderr.prefix(300))")
        #expect(result.stderr.contains(expected), "\(result.stderr.prefix(300))")
        #expect(result.stderr.count < 600, "the message should name the first problem, not dump the input")
        #expect(!result.stderr.contains("\u{1B}"))
        #expect(try Reliability.contents(cli) == before)
    }

    /// A real archive of two requests with history and checklist, as `export` writes it.
    static func baseArchive(_ folder: TemporaryDirectory) throws -> Data {
        let store = try DeskStore.open(path: folder.path("source.sqlite"), officer: "Ana Müller", clock: FixedClock(Fixtures.today),
                                       reference: Fixtures.reference)
        let first = try store.create(Fixtures.request())
        _ = try store.changeStatus(id: first.id, expectedVersion: first.version, to: .internalReview, note: "ready", ground: nil)
        _ = try store.create(Fixtures.request(.incoming, country: "FR"))
        let data = try store.archive(references: nil).encoded()
        try store.close()
        return data
    }

    /// An empty desk with the reference data applied, closed, to copy for every case.
    static func emptyDesk(_ folder: TemporaryDirectory) throws -> String {
        let path = folder.path("template.sqlite")
        let store = try DeskStore.open(path: path, officer: "Ana Müller", clock: FixedClock(Fixtures.today),
                                       reference: Fixtures.reference)
        _ = try store.create(Fixtures.request(.incoming, country: "NL"))
        try store.close()
        return path
    }
}

/// One change to an archive's JSON: a value at one node replaced by something of the wrong
/// type or size, a key removed, a request duplicated, or the bytes cut short.
struct ArchiveMutation {
    var node: Int
    var kind: Int
    var bytes: [UInt8]

    func apply(to archive: Data) -> Data {
        if kind == 12 {
            return archive.prefix(node % max(1, archive.count))
        }
        guard var root = (try? JSONSerialization.jsonObject(with: archive)) as? [String: Any] else { return archive }
        if kind == 9, let requests = root["requests"] as? [Any], let first = requests.first {
            root["requests"] = requests + [first]
            return (try? JSONSerialization.data(withJSONObject: root)) ?? archive
        }
        let paths = Self.paths(in: root, prefix: [])
        guard !paths.isEmpty else { return archive }
        let path = paths[node % paths.count]
        let mutated = Self.replace(in: root, at: path[...], with: replacement())
        return (try? JSONSerialization.data(withJSONObject: mutated ?? root)) ?? archive
    }

    /// The value put at the node; nil removes the key.
    private func replacement() -> Any? {
        switch kind {
        case 0: NSNull()
        case 1: 1e308
        case 2: -1
        case 3: ""
        case 4: String(decoding: bytes, as: UTF8.self)
        case 5: [Any]()
        case 6: [String: Any]()
        case 7: true
        case 8: nil
        case 10: (0..<200).reduce([Any]()) { nested, _ in [nested] }
        default: String(repeating: "Ж", count: 100_000)
        }
    }

    enum Step { case key(String), index(Int) }

    static func paths(in value: Any, prefix: [Step]) -> [[Step]] {
        var result: [[Step]] = prefix.isEmpty ? [] : [prefix]
        if let object = value as? [String: Any] {
            for key in object.keys.sorted() { result += paths(in: object[key]!, prefix: prefix + [.key(key)]) }
        } else if let array = value as? [Any] {
            for (index, element) in array.enumerated() { result += paths(in: element, prefix: prefix + [.index(index)]) }
        }
        return result
    }

    static func replace(in value: Any, at path: ArraySlice<Step>, with new: Any?) -> Any? {
        guard let step = path.first else { return new }
        switch step {
        case let .key(key):
            guard var object = value as? [String: Any], let child = object[key] else { return value }
            object[key] = replace(in: child, at: path.dropFirst(), with: new)
            return object
        case let .index(index):
            guard var array = value as? [Any], array.indices.contains(index) else { return value }
            if let replaced = replace(in: array[index], at: path.dropFirst(), with: new) {
                array[index] = replaced
            } else {
                array.remove(at: index)
            }
            return array
        }
    }

    /// Parses, edits and re-encodes an archive.
    static func rewrite(_ archive: Data, _ edit: (inout [String: Any]) -> Void) throws -> Data {
        var root = try JSONSerialization.jsonObject(with: archive) as! [String: Any]
        edit(&root)
        return try JSONSerialization.data(withJSONObject: root)
    }
}
