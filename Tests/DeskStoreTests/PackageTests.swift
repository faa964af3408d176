import Crypto
import DeskCore
import DeskTestSupport
import Foundation
import GRDB
import Testing

@testable import DeskStore

@Suite("Signed exchange packages between desks")
struct PackageTests {
    private func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
    }

    @Test("A package round-trips between two desks: every field, checklist, evidence, custody and the file")
    func roundTrip() throws {
        let pair = try PackagePair()
        let package = try pair.export(recipient: pair.receiver.deskID)
        let done = try pair.receiver.importPackage(at: package, reference: Fixtures.reference)
        #expect(done.added.map(\.reference) == [pair.reference])
        #expect(done.senderLabel == "Sender desk" && done.sequence == 1 && done.files.count == 1)

        let sent = try #require(try pair.sender.details(reference: pair.reference))
        let received = try #require(try pair.receiver.details(reference: pair.reference))
        var comparable = received
        comparable.items[0].attachedPath = sent.items[0].attachedPath
        #expect(comparable == sent)
        let stored = try #require(received.items[0].attachedPath)
        #expect(stored == pair.receiverFolder.path("desk.sqlite.evidence/\(Hex.sha256(pair.evidenceBytes))"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: stored)) == pair.evidenceBytes)
        #expect(try pair.receiver.verify().isSound)
        let audit = try pair.receiver.auditTrail()
        #expect(audit.last?.action == "package_import")
        let imported = audit.filter { $0.action == "import" }
        #expect(!imported.isEmpty && imported.allSatisfy {
            $0.detail.hasSuffix("(package \(done.packageID.uuidString.lowercased()) from Sender desk, key \(done.senderKeyID))")
        }, "every record taken in names the package and its sender: \(imported.map(\.detail))")
        #expect(try pair.sender.auditTrail().last?.action == "package_export")
        #expect(try pair.receiverLeftovers() == ["desk.sqlite.evidence"])
    }

    @Test("Keys, packages, staging and the evidence store are private whatever the umask")
    func modes() throws {
        let previous = umask(0o022)
        defer { umask(previous) }
        let pair = try PackagePair()
        #expect(try mode(pair.sender.signingKeyPath) == 0o600)
        let package = try pair.export()
        #expect(try mode(package) == 0o700)
        for folder in ["payload", "blobs"] { #expect(try mode("\(package)/\(folder)") == 0o700) }
        for file in ["manifest.json", "manifest.sig", "payload/requests.json"] { #expect(try mode("\(package)/\(file)") == 0o600) }
        #expect(try mode(try PackageTamper.blobPath(package)) == 0o600)
        let staged = try pair.receiver.stagePackage(at: package, reference: Fixtures.reference)
        #expect(try mode(staged.staging) == 0o700)
        #expect(try mode("\(staged.staging)/blobs") == 0o700)
        try pair.receiver.importPackage(staged, reference: Fixtures.reference)
        #expect(!FileManager.default.fileExists(atPath: staged.staging))
        let store = pair.receiverFolder.path("desk.sqlite.evidence")
        #expect(try mode(store) == 0o700)
        for blob in try FileManager.default.contentsOfDirectory(atPath: store) { #expect(try mode("\(store)/\(blob)") == 0o600) }
    }

    @Test("The manifest lists every payload with role, size and SHA-256; blobs are named by digest only")
    func manifestContents() throws {
        let pair = try PackagePair()
        let package = try pair.export(recipient: "desk-b")
        let manifest = try PackageTamper.manifest(package)
        #expect(manifest["format"] as? String == "mladesk-package")
        #expect(manifest["senderDeskID"] as? String == pair.sender.deskID)
        #expect(manifest["senderKeyID"] as? String == (try pair.sender.signingKey().keyID))
        #expect(manifest["recipientDeskID"] as? String == "desk-b")
        #expect((manifest["senderAuditHead"] as? String)?.count == 64)
        let payloads = try #require(manifest["payloads"] as? [[String: Any]])
        #expect(payloads.map { $0["role"] as? String } == ["requests", "evidence"])
        let digest = Hex.sha256(pair.evidenceBytes)
        #expect(payloads[1]["path"] as? String == "blobs/\(digest)" && payloads[1]["displayName"] as? String == "access log.txt")
        let requests = try String(contentsOfFile: "\(package)/payload/requests.json", encoding: .utf8)
        #expect(!requests.contains(pair.evidenceFile), "the sender's local path must not travel")
        let second = try pair.export("second")
        #expect(try PackageTamper.manifest(second)["sequence"] as? Int == 2)
    }

    @Test("Without --with-files no blob travels and received items point nowhere")
    func withoutFiles() throws {
        let pair = try PackagePair()
        let package = try pair.export(withFiles: false)
        #expect(!FileManager.default.fileExists(atPath: "\(package)/blobs"))
        try pair.receiver.importPackage(at: package, reference: Fixtures.reference)
        #expect(try pair.receiver.details(reference: pair.reference)?.items[0].attachedPath == nil)
    }

    /// A way to spoil a package, and the words its refusal must contain.
    struct Hostile: CustomTestStringConvertible, Sendable {
        var name: String
        var expected: String
        var limits = PackageLimits()
        var spoil: @Sendable (String, PackagePair) throws -> Void
        var testDescription: String { name }
    }

    static let hostile: [Hostile] = [
        Hostile(name: "unknown signer", expected: "which does not verify it: the package was changed after it was signed, or it was signed with another key") { package, _ in
            try PackageTamper.resign(package, try PackageTamper.manifest(package), with: Curve25519.Signing.PrivateKey())
        },
        Hostile(name: "a sender not trusted here", expected: "which is not trusted here (`mladesk key list` shows the trusted keys") { _, pair in
            try pair.receiver.untrust(keyID: try pair.sender.signingKey().keyID)
        },
        Hostile(name: "a changed manifest byte", expected: "the package was changed after it was signed") { package, _ in
            try PackageTamper.flipByte("\(package)/manifest.json", at: 40)
        },
        Hostile(name: "a changed blob", expected: "does not match its size and SHA-256") { package, _ in
            try PackageTamper.flipByte(try PackageTamper.blobPath(package), at: 10)
        },
        Hostile(name: "a changed request archive", expected: "payload/requests.json does not match") { package, _ in
            try PackageTamper.flipByte("\(package)/payload/requests.json", at: 100)
        },
        Hostile(name: "a missing blob", expected: "listed in the manifest but missing") { package, _ in
            try FileManager.default.removeItem(atPath: try PackageTamper.blobPath(package))
        },
        Hostile(name: "an extra file", expected: "'notes.txt', which a package may not contain") { package, _ in
            try Data("hello".utf8).write(to: URL(fileURLWithPath: "\(package)/notes.txt"))
        },
        Hostile(name: "a hidden file", expected: "'.x', which a package may not contain") { package, _ in
            try Data("hello".utf8).write(to: URL(fileURLWithPath: "\(package)/.x"))
        },
        Hostile(name: "an unlisted blob", expected: "is in the package but not in its manifest") { package, _ in
            let data = Data("extra".utf8)
            try data.write(to: URL(fileURLWithPath: "\(package)/blobs/\(Hex.sha256(data))"))
        },
        Hostile(name: "a sub-folder", expected: "'payload/sub', which a package may not contain") { package, _ in
            try FileManager.default.createDirectory(atPath: "\(package)/payload/sub", withIntermediateDirectories: false)
        },
        Hostile(name: "a symlink", expected: "is a symbolic link, not a regular file") { package, pair in
            let blob = try PackageTamper.blobPath(package)
            let elsewhere = pair.senderFolder.path("moved-blob")
            try FileManager.default.moveItem(atPath: blob, toPath: elsewhere)
            try FileManager.default.createSymbolicLink(atPath: blob, withDestinationPath: elsewhere)
        },
        Hostile(name: "a FIFO", expected: "is a FIFO, not a regular file") { package, _ in
            let blob = try PackageTamper.blobPath(package)
            try FileManager.default.removeItem(atPath: blob)
            #expect(mkfifo(blob, 0o600) == 0)
        },
        Hostile(name: "a name like ../x in a signed manifest", expected: "'../x', which is not a name a package may use") { package, pair in
            var manifest = try PackageTamper.manifest(package)
            var payloads = manifest["payloads"] as! [[String: Any]]
            payloads[1]["path"] = "../x"
            manifest["payloads"] = payloads
            try PackageTamper.resign(package, manifest, with: try pair.sender.signingKey().privateKey)
        },
        Hostile(name: "an unknown manifest field", expected: "smuggled is not a field of a package manifest") { package, pair in
            var manifest = try PackageTamper.manifest(package)
            manifest["smuggled"] = true
            try PackageTamper.resign(package, manifest, with: try pair.sender.signingKey().privateKey)
        },
        Hostile(name: "another recipient", expected: "addressed to desk someone-else") { package, pair in
            var manifest = try PackageTamper.manifest(package)
            manifest["recipientDeskID"] = "someone-else"
            try PackageTamper.resign(package, manifest, with: try pair.sender.signingKey().privateKey)
        },
        Hostile(name: "a sequence below 1", expected: "the sequence is -1; a desk numbers its packages from 1") { package, pair in
            var manifest = try PackageTamper.manifest(package)
            manifest["sequence"] = -1
            try PackageTamper.resign(package, manifest, with: try pair.sender.signingKey().privateKey)
        },
        Hostile(name: "a package made in the future", expected: "the package says it was made at 2099-01-01T00:00:00.000Z") { package, pair in
            var manifest = try PackageTamper.manifest(package)
            manifest["createdAt"] = "2099-01-01T00:00:00.000Z"
            try PackageTamper.resign(package, manifest, with: try pair.sender.signingKey().privateKey)
        },
        Hostile(name: "an oversized manifest", expected: "manifest.json is larger than the limit of 1048576 bytes") { package, _ in
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: "\(package)/manifest.json"))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(repeating: 0x20, count: 1 << 20))
            try handle.close()
        },
        Hostile(name: "a NUL in a signed archive", expected: "payload/requests.json: requests[0] OUT-2026-0001 cannot be stored: its request holds a NUL character") { package, pair in
            try PackageTamper.rewriteArchive(package, pair: pair) { archive in
                var requests = archive["requests"] as! [[String: Any]]
                var request = requests[0]["request"] as! [String: Any]
                request["operation"] = "Op\u{0}hidden"
                requests[0]["request"] = request
                archive["requests"] = requests
            }
        },
        Hostile(name: "an item id another request holds here", expected: "is already on this desk under OUT-2026-0777; an import never moves a record") { package, pair in
            let sent = try #require(try pair.sender.details(reference: pair.reference))
            var mine = PackagePair.details(attachedPath: "", digest: String(repeating: "cd", count: 32), size: 12)
            mine.request.reference = try #require(RequestReference("OUT-2026-0777"))
            mine.items[0].id = sent.items[0].id
            for index in mine.custody.indices { mine.custody[index].itemID = sent.items[0].id }
            try pair.receiver.insert([mine], action: "test")
        },
        Hostile(name: "too many files", expected: "more than 2 files", limits: PackageLimits(maxFiles: 2)) { _, _ in },
        Hostile(name: "too many bytes", expected: "larger than the limit of 1000 bytes",
                limits: PackageLimits(maxTotalBytes: 1000)) { _, _ in },
    ]

    @Test("A hostile package is refused with the first problem named; only a refusal row is added", arguments: hostile)
    func refused(_ case: Hostile) throws {
        let pair = try PackagePair()
        let package = try pair.export()
        try `case`.spoil(package, pair)
        let before = try pair.receiverState()
        let error = #expect(throws: DeskError.self) {
            try pair.receiver.importPackage(at: package, reference: Fixtures.reference, limits: `case`.limits)
        }
        #expect(error?.description.contains(`case`.expected) == true, "\(String(describing: error))")
        let after = try pair.receiverState()
        #expect(after.requests == before.requests)
        #expect(after.packages == before.packages)
        #expect(after.auditRows.count == before.auditRows.count + 1)
        #expect(Array(after.auditRows.prefix(before.auditRows.count)) == before.auditRows)
        #expect(after.auditRows.last?.action == "package_rejected")
        #expect(try pair.receiverLeftovers().isEmpty)
        #expect(try pair.receiver.verify().isSound)
    }

    @Test("A package folder named through a link is refused, with or without a slash after its name")
    func linkedFolder() throws {
        let pair = try PackagePair()
        let package = try pair.export()
        let link = package + "-link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: package)
        for name in [link, link + "/", link + "//"] {
            let error = #expect(throws: DeskError.self) {
                try pair.receiver.importPackage(at: name, reference: Fixtures.reference)
            }
            #expect(error?.description.contains("is a symbolic link, not a package folder") == true, "\(name): \(String(describing: error))")
        }
        try pair.receiver.importPackage(at: package + "/", reference: Fixtures.reference)
    }

    @Test("The packages a desk took in are the trail's own: one deleted, added or changed behind its back is found")
    func importedPackagesAreTheTrailsOwn() throws {
        let pair = try PackagePair()
        try pair.receiver.importPackage(at: try pair.export(), reference: Fixtures.reference)
        #expect(try pair.receiver.verify().isSound)
        let id = try #require(try pair.receiver.read { try String.fetchOne($0, sql: "SELECT package_id FROM imported_package") })

        func tamper(_ sql: String) throws -> [VerifyReport] {
            let queue = try DatabaseQueue(path: pair.receiverFolder.path("desk.sqlite"))
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "DROP TRIGGER imported_package_append_only_delete; DROP TRIGGER imported_package_append_only_update")
                try db.execute(sql: sql)
                try db.execute(sql: """
                    CREATE TRIGGER imported_package_append_only_update BEFORE UPDATE ON imported_package
                    BEGIN SELECT RAISE(ABORT, 'imported_package rows are append-only'); END;
                    CREATE TRIGGER imported_package_append_only_delete BEFORE DELETE ON imported_package
                    BEGIN SELECT RAISE(ABORT, 'imported_package rows are append-only'); END;
                    """)
            }
            try queue.close()
            return [try pair.receiver.verifyAtOpen(), try pair.receiver.verify()]
        }
        for report in try tamper("UPDATE imported_package SET manifest_sha256 = '00' || substr(manifest_sha256, 3)") {
            #expect(report.recordProblems == ["The imported package \(id) differs from what was imported (changed behind the program's back)"],
                    "\(report.findings)")
        }
        for report in try tamper("DELETE FROM imported_package") {
            #expect(report.recordProblems == ["The imported package \(id) is missing from the packages this desk took in (deleted behind the program's back; it could be imported again)"],
                    "\(report.findings)")
        }
        let planted = "0b6c0c36-0000-4000-8000-000000000000"
        for report in try tamper("INSERT INTO imported_package VALUES ('\(planted)', 'x', 'y', 1, 0, 'z', 0, 'nobody')") {
            #expect(report.recordProblems.contains("The imported package \(planted) was never imported through the program (added behind its back)"),
                    "\(report.findings)")
        }
    }

    @Test("A replayed package is refused by its id")
    func replay() throws {
        let pair = try PackagePair()
        let package = try pair.export()
        try pair.receiver.importPackage(at: package, reference: Fixtures.reference)
        let before = try pair.receiverState()
        #expect(throws: DeskError.self) { try pair.receiver.importPackage(at: package, reference: Fixtures.reference) }
        let after = try pair.receiverState()
        #expect(after.requests == before.requests && after.packages == before.packages)
        #expect(after.auditRows.last?.detail.contains("already imported") == true)
    }

    @Test("A dry run shows what would be added and writes nothing, not even a refusal")
    func dryRun() throws {
        let pair = try PackagePair()
        let package = try pair.export()
        let before = try pair.receiverState()
        let staged = try pair.receiver.stagePackage(at: package, reference: Fixtures.reference, recordRefusal: false)
        #expect(staged.preview.added.map(\.reference) == [pair.reference])
        #expect(staged.preview.requests[0].newCustodyEvents == 2)
        #expect(staged.preview.files.map(\.displayName) == ["access log.txt"])
        staged.discard()
        try PackageTamper.flipByte("\(package)/manifest.json", at: 40)
        #expect(throws: DeskError.self) {
            _ = try pair.receiver.stagePackage(at: package, reference: Fixtures.reference, recordRefusal: false)
        }
        let after = try pair.receiverState()
        #expect(after.requests == before.requests && after.auditRows == before.auditRows && after.packages == 0)
        #expect(try pair.receiverLeftovers().isEmpty)
    }

    @Test("A later version updates the request here; an older or diverged one is a conflict")
    func updatesAndConflicts() throws {
        let pair = try PackagePair()
        try pair.receiver.importPackage(at: try pair.export("first"), reference: Fixtures.reference)
        let sent = try #require(try pair.sender.details(reference: pair.reference))
        _ = try pair.sender.changeStatus(id: sent.request.id, expectedVersion: 1, to: .internalReview, note: "ready", ground: nil)
        let second = try pair.receiver.stagePackage(at: try pair.export("second"), reference: Fixtures.reference)
        #expect(second.preview.requests.map(\.kind) == [.updated(fromVersion: 1, toVersion: 2)])
        #expect(second.preview.requests[0].fieldChanges.contains("status: draft → internal_review"))
        try pair.receiver.importPackage(second, reference: Fixtures.reference)
        var received = try #require(try pair.receiver.details(reference: pair.reference))
        received.items[0].attachedPath = pair.evidenceFile
        #expect(received == (try pair.sender.details(reference: pair.reference)))
        #expect(try pair.receiver.verify().isSound)

        let local = try #require(try pair.receiver.details(reference: pair.reference)).request
        _ = try pair.receiver.changeStatus(id: local.id, expectedVersion: 2, to: .approved, note: "here", ground: nil)
        _ = try pair.receiver.changeStatus(id: local.id, expectedVersion: 3, to: .centralAuthorityReview, note: "here", ground: nil)
        _ = try pair.sender.changeStatus(id: local.id, expectedVersion: 2, to: .draft, note: "back", ground: nil)
        let error = #expect(throws: DeskError.self) {
            try pair.receiver.importPackage(at: try pair.export("third"), reference: Fixtures.reference)
        }
        #expect(error?.description.contains("is here at version 4, the package holds version 3") == true, "\(String(describing: error))")
    }

    /// A pair whose receiver took the request from a package and then changed its operation to
    /// OP-LOCAL (version 2 there).
    static func receivedAndEditedThere() throws -> (PackagePair, Request) {
        let pair = try PackagePair()
        try pair.receiver.importPackage(at: try pair.export("first"), reference: Fixtures.reference)
        var here = try #require(try pair.receiver.details(reference: pair.reference)).request
        here.operation = "OP-LOCAL"
        return (pair, try pair.receiver.update(here))
    }

    /// Versions are counted on each desk: an edit here and two steps there since the last
    /// exchange make version 2 here and 3 in the package, which must not replace the edit.
    @Test("A request changed on both desks since it was last exchanged is a conflict, whatever the versions")
    func changedOnBothDesks() throws {
        let (pair, here) = try Self.receivedAndEditedThere()
        let id = here.id
        _ = try pair.sender.changeStatus(id: id, expectedVersion: 1, to: .internalReview, note: "ready", ground: nil)
        _ = try pair.sender.changeStatus(id: id, expectedVersion: 2, to: .draft, note: "back", ground: nil)
        let error = #expect(throws: DeskError.self) {
            try pair.receiver.importPackage(at: try pair.export("second"), reference: Fixtures.reference)
        }
        #expect(error?.description.contains(
            "was changed on this desk since version 1, the last one exchanged (it is at version 2 here), and the package brings version 3") == true,
            "\(String(describing: error))")
        #expect(try pair.receiver.details(reference: pair.reference)?.request.operation == "OP-LOCAL")
    }

    @Test("Sending a request back and forth, each desk changing it in turn, is never a conflict")
    func changesInTurn() throws {
        let (pair, here) = try Self.receivedAndEditedThere()
        try pair.sender.trust(publicKey: try pair.receiver.signingKey().publicKeyBase64, label: "Receiver desk")
        let back = pair.receiverFolder.path("back")
        _ = try pair.receiver.exportPackage(references: [pair.reference], to: back, withFiles: false)
        try pair.sender.importPackage(at: back, reference: Fixtures.reference)
        _ = try pair.sender.changeStatus(id: here.id, expectedVersion: 2, to: .internalReview, note: "ready", ground: nil)
        try pair.receiver.importPackage(at: try pair.export("second"), reference: Fixtures.reference)
        let received = try #require(try pair.receiver.details(reference: pair.reference)).request
        #expect(received.version == 3 && received.status == .internalReview && received.operation == "OP-LOCAL")

        let item = try #require(try pair.receiver.details(reference: pair.reference)).checklist[0]
        try pair.receiver.changeChecklistItem(requestID: here.id, itemID: item.itemID, [.done])
        let ticked = pair.receiverFolder.path("ticked")
        _ = try pair.receiver.exportPackage(references: [pair.reference], to: ticked, withFiles: false)
        let preview = try pair.sender.importPackage(at: ticked, reference: Fixtures.reference)
        #expect(preview.requests.map(\.kind) == [.updated(fromVersion: 3, toVersion: 3)],
                "a tick does not raise the version; the desk that did not change the item takes it")
        #expect(try pair.sender.details(reference: pair.reference)?.checklist[0].state == .done)
        #expect(try pair.sender.verify().isSound)
    }

    @Test("A file that contradicts the SHA-256 or the size its item declares is refused", arguments: [
        ("declared", "does not have the SHA-256 its record declares"), ("size", "its record says 898369350"),
    ])
    func fileAgainstItsDeclaration(kind: String, expected: String) throws {
        let pair = try PackagePair()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: pair.evidenceFile))
        var details = PackagePair.details(attachedPath: pair.evidenceFile,
                                          digest: kind == "declared" ? String(repeating: "c5", count: 32) : Hex.sha256(bytes),
                                          size: kind == "size" ? 898_369_350 : Int64(bytes.count))
        details.request.id = UUID()
        details.request.reference = RequestReference(direction: .outgoing, year: 2026, sequence: 77)
        details.exchanges[0].requestID = details.request.id
        details.items[0].computedHashes = []
        try pair.sender.insert([details], action: "test")
        let package = pair.senderFolder.path("declared-\(kind)")
        _ = try pair.sender.exportPackage(references: [details.request.reference], to: package, withFiles: true)
        let error = #expect(throws: DeskError.self) {
            try pair.receiver.importPackage(at: package, reference: Fixtures.reference)
        }
        #expect(error?.description.contains(expected) == true, "\(String(describing: error))")
    }

    @Test("A custody event recorded since the last package arrives with the next, though the request's version is the same")
    func custodyAtTheSameVersion() throws {
        let pair = try PackagePair()
        try pair.receiver.importPackage(at: try pair.export("first"), reference: Fixtures.reference)
        let sent = try #require(try pair.sender.details(reference: pair.reference))
        let item = try #require(sent.items.first)
        _ = try pair.sender.appendCustody(CustodyEvent(itemID: item.id, kind: .examined, at: Fixtures.today.addingTimeInterval(3_600),
                                                        officer: "Ana Müller", location: "Lab 3"))
        let second = try pair.receiver.stagePackage(at: try pair.export("second"), reference: Fixtures.reference)
        #expect(second.preview.requests.map(\.kind) == [.updated(fromVersion: 1, toVersion: 1)])
        try pair.receiver.importPackage(second, reference: Fixtures.reference)
        let received = try #require(try pair.receiver.details(reference: pair.reference))
        #expect(received.custody.last?.location == "Lab 3")
        #expect(try pair.receiver.verify().isSound)

        let local = try #require(received.items.first)
        _ = try pair.receiver.appendCustody(CustodyEvent(itemID: local.id, kind: .examined, at: Fixtures.today.addingTimeInterval(7_200),
                                                          officer: "Søren", location: "Here"))
        _ = try pair.sender.appendCustody(CustodyEvent(itemID: item.id, kind: .examined, at: Fixtures.today.addingTimeInterval(7_200),
                                                        officer: "Ana Müller", location: "There"))
        #expect(throws: DeskError.self) {
            try pair.receiver.importPackage(at: try pair.export("third"), reference: Fixtures.reference)
        }
    }

    @Test("An interrupted export leaves neither the final folder nor its temporary sibling; the trail accounts for its sequence number")
    func interruptedExport() throws {
        let pair = try PackagePair()
        let destination = pair.senderFolder.path("out/package")
        try FileManager.default.createDirectory(atPath: pair.senderFolder.path("out"), withIntermediateDirectories: false)
        let auditBefore = try pair.sender.auditTrail().count
        struct Interrupted: Error {}
        for stop in ["payload/requests.json", "blobs/", "manifest.json", "manifest.sig"] {
            #expect(throws: Interrupted.self) {
                _ = try pair.sender.exportPackage(references: [pair.reference], to: destination, withFiles: true, recipient: nil,
                                                  afterEachFile: { if $0.hasPrefix(stop) { throw Interrupted() } })
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: pair.senderFolder.path("out")).isEmpty)
        }
        let failed = try pair.sender.auditTrail().dropFirst(auditBefore)
        #expect(failed.map(\.action) == Array(repeating: "package_export_failed", count: 4))
        #expect(failed.map(\.entityID) == (1...4).map { "package/sequence/\($0)" })
        try FileManager.default.createDirectory(atPath: destination, withIntermediateDirectories: false)
        let error = #expect(throws: DeskError.self) {
            _ = try pair.sender.exportPackage(references: [pair.reference], to: destination, withFiles: true)
        }
        #expect(error?.description.contains("already exists") == true)
    }

    @Test("An attached file changed since it was hashed stops the export")
    func changedAttachment() throws {
        let pair = try PackagePair()
        try Data("tampered".utf8).write(to: URL(fileURLWithPath: pair.evidenceFile))
        let error = #expect(throws: DeskError.self) { _ = try pair.export() }
        #expect(error?.description.contains("changed since it was hashed") == true)
        #expect(!FileManager.default.fileExists(atPath: pair.senderFolder.path("package")))
    }

    @Test("A later version that changes an item's computed hashes is refused; one that changes only records beside the request says so")
    func computedHashesAreNeverReplaced() throws {
        let local = PackagePair.details(attachedPath: "", digest: String(repeating: "ab", count: 32), size: 11)
        var later = local
        later.request.version = 2
        later.items[0].computedHashes = [HashDigest(algorithm: .sha256, value: String(repeating: "aa", count: 32))]
        let error = #expect(throws: DeskError.self) {
            try ImportPlanner.plan(later, local: local, referenceTaken: false, evidencePath: { _ in nil })
        }
        #expect(error?.description.contains("changes the computed hashes of evidence item") == true, "\(String(describing: error))")

        later.items[0].computedHashes = local.items[0].computedHashes
        later.items[0].description = "Web server access log, both hosts"
        let planned = try ImportPlanner.plan(later, local: local, referenceTaken: false, evidencePath: { _ in nil })
        #expect(planned.change.kind == .updated(fromVersion: 1, toVersion: 2))
        #expect(planned.change.fieldChanges == "", "no field of the request changed; the counts say what did")
        #expect(planned.change.newOrChangedItems == 1)
    }

    @Test("A later version refuses to undo checklist work done here since; it carries the sender's own newer work")
    func checklistWorkHereIsNotOverwritten() throws {
        let sent = PackagePair.details(attachedPath: "", digest: String(repeating: "ab", count: 32), size: 11)
        var here = sent
        here.checklist[0].note = "Confirmed by phone with the prosecutor"
        here.checklist[0].changedBy = "Søren Østergaard"
        here.checklist[0].changedAt = Fixtures.today.addingTimeInterval(600)
        var later = sent
        later.request.version = 2
        let error = #expect(throws: DeskError.self) {
            try ImportPlanner.plan(later, local: here, referenceTaken: false, evidencePath: { _ in nil })
        }
        #expect(error?.description.contains("checklist item core.legal_basis was changed here by Søren Østergaard") == true,
                "\(String(describing: error))")

        later.checklist[0].note = "Checked again by the sender"
        later.checklist[0].changedAt = Fixtures.today.addingTimeInterval(1_200)
        let planned = try ImportPlanner.plan(later, local: here, referenceTaken: false, evidencePath: { _ in nil })
        #expect(planned.change.changedChecklistItems == 1)
    }

    @Test("Verifying received evidence here does not block the sender's next package; the verification stays")
    func verificationHereKeepsTheChannelOpen() throws {
        let pair = try PackagePair()
        try pair.receiver.importPackage(at: try pair.export("first"), reference: Fixtures.reference)
        let received = try #require(try pair.receiver.details(reference: pair.reference))
        let checks = try pair.receiver.verifyAttached(requestID: received.request.id)
        #expect(checks.count == 1)
        let verified = try #require(try pair.receiver.details(reference: pair.reference)).custody
        #expect(verified.count == received.custody.count + 1 && verified.last?.kind == .verificationPassed)

        let sent = try #require(try pair.sender.details(reference: pair.reference))
        _ = try pair.sender.changeStatus(id: sent.request.id, expectedVersion: 1, to: .internalReview, note: "ready", ground: nil)
        _ = try pair.sender.appendCustody(CustodyEvent(itemID: sent.items[0].id, kind: .examined,
                                                        at: Fixtures.today.addingTimeInterval(7_200), officer: "Ana Müller"))
        let second = try pair.receiver.stagePackage(at: try pair.export("second"), reference: Fixtures.reference)
        #expect(second.preview.requests.map(\.kind) == [.updated(fromVersion: 1, toVersion: 2)])
        #expect(second.preview.requests.first?.newCustodyEvents == 1)
        try pair.receiver.importPackage(second, reference: Fixtures.reference)
        let after = try #require(try pair.receiver.details(reference: pair.reference))
        #expect(after.request.status == .internalReview)
        #expect(after.custody.map(\.id) == verified.map(\.id) + [try #require(try pair.sender.details(reference: pair.reference)).custody.last!.id])
        #expect(try pair.receiver.verify().isSound)

        let local = try #require(after.items.first)
        _ = try pair.receiver.appendCustody(CustodyEvent(itemID: local.id, kind: .transferred,
                                                          at: Fixtures.today.addingTimeInterval(9_000), officer: "Søren"))
        _ = try pair.sender.changeStatus(id: sent.request.id, expectedVersion: 2, to: .approved, note: "", ground: nil)
        let error = #expect(throws: DeskError.self) {
            try pair.receiver.importPackage(at: try pair.export("third"), reference: Fixtures.reference)
        }
        #expect(error?.description.contains("its chain of custody differs") == true, "a hand-over here is not a verification")
    }

    @Test("Evidence that comes back with its files to the desk that sent it keeps that desk's own attachment")
    func evidenceComesHomeWithItsFiles() throws {
        let pair = try PackagePair()
        try pair.receiver.importPackage(at: try pair.export("out"), reference: Fixtures.reference)
        let received = try #require(try pair.receiver.details(reference: pair.reference))
        _ = try pair.receiver.verifyAttached(requestID: received.request.id)
        try pair.sender.trust(publicKey: try pair.receiver.signingKey().publicKeyBase64, label: "Receiver desk")
        let back = pair.receiverFolder.path("back")
        _ = try pair.receiver.exportPackage(references: [pair.reference], to: back, withFiles: true, recipient: nil)

        let done = try pair.sender.importPackage(at: back, reference: Fixtures.reference)
        #expect(done.requests.map(\.kind) == [.updated(fromVersion: 1, toVersion: 1)])
        #expect(done.requests.first?.newCustodyEvents == 1, "the receiver's verification")
        let home = try #require(try pair.sender.details(reference: pair.reference))
        #expect(home.items.map(\.attachedPath) == [pair.evidenceFile])
        let store = pair.senderFolder.path("desk.sqlite.evidence")
        #expect((try? FileManager.default.contentsOfDirectory(atPath: store))?.isEmpty ?? true,
                "no copy of a file the desk already holds")
        #expect(try pair.sender.verify().isSound)
    }
}
