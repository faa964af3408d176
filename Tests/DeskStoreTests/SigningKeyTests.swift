import Crypto
import DeskCore
import DeskTestSupport
import Foundation
import GRDB
import Testing

@testable import DeskStore

@Suite("Desk signing keys and trusted keys")
struct SigningKeyTests {
    @Test("The key is made once, kept 0600 beside the desk, and its id is the start of SHA-256 of the public key")
    func keyFile() throws {
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        let key = try store.signingKey()
        #expect(store.signingKeyPath == folder.path("desk.sqlite.key"))
        let mode = try FileManager.default.attributesOfItem(atPath: store.signingKeyPath)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try store.signingKey().publicKeyBase64 == key.publicKeyBase64)
        let raw = try #require(Data(base64Encoded: key.publicKeyBase64))
        #expect(key.keyID == String(SHA256.hash(data: raw).map { String(format: "%02x", $0) }.joined().prefix(16)))
        let text = try String(contentsOfFile: store.signingKeyPath, encoding: .utf8)
        #expect(!(try store.archive(references: nil).encoded().contains(Data(text.utf8))))
    }

    /// A lost key file gives the desk a new identity that other desks must trust again; the
    /// trail says when that began.
    @Test("Making a signing key is audited, the first one and one made again after the file was lost")
    func madeKeysAreAudited() throws {
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        let first = try store.signingKey()
        _ = try store.signingKey()
        try FileManager.default.removeItem(atPath: store.signingKeyPath)
        let second = try store.signingKey()
        let made = try store.auditTrail().filter { $0.action == "signing_key" }
        #expect(made.map(\.entityID) == ["key/\(first.keyID)", "key/\(second.keyID)"])
        #expect(made.last?.detail.contains("other desks accept this desk's packages once they trust it") == true)
        #expect(try store.verify().isSound)
    }

    @Test("A key file others may read, or one of another desk, is refused")
    func unsafeKeyFile() throws {
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        _ = try store.signingKey()
        chmod(store.signingKeyPath, 0o644)
        let loose = #expect(throws: DeskError.self) { _ = try store.signingKey() }
        #expect(loose?.description.contains("chmod 600") == true)
        chmod(store.signingKeyPath, 0o600)
        let other = try TemporaryDirectory()
        let otherStore = try Fixtures.store(in: other)
        _ = try otherStore.signingKey()
        try FileManager.default.removeItem(atPath: store.signingKeyPath)
        try FileManager.default.copyItem(atPath: otherStore.signingKeyPath, toPath: store.signingKeyPath)
        let foreign = #expect(throws: DeskError.self) { _ = try store.signingKey() }
        #expect(foreign?.description.contains("belongs to desk \(otherStore.deskID)") == true)
    }

    @Test("Trusting and untrusting keys is audited; bad keys and duplicates are refused")
    func trust() throws {
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        let other = Curve25519.Signing.PrivateKey().publicKey.rawRepresentation.base64EncodedString()
        let trusted = try store.trust(publicKey: " \(other)\n", label: "BfJ Bonn")
        #expect(try store.trustedKeys() == [trusted])
        #expect(trusted.keyID.count == 16 && trusted.addedBy == "Ana Müller")
        #expect(throws: DeskError.self) { try store.trust(publicKey: other, label: "again") }
        #expect(throws: DeskError.self) { try store.trust(publicKey: "not base64!", label: "x") }
        #expect(throws: DeskError.self) { try store.trust(publicKey: Data(count: 16).base64EncodedString(), label: "x") }
        #expect(throws: DeskError.self) { try store.trust(publicKey: other, label: "  ") }
        try store.untrust(keyID: trusted.keyID.uppercased())
        #expect(try store.trustedKeys().isEmpty)
        #expect(throws: DeskError.self) { try store.untrust(keyID: trusted.keyID) }
        #expect(try store.auditTrail().map(\.action) == ["key_trust", "key_untrust"])
        #expect(try store.verify().isSound)
    }

    /// The identity point signs every message with one fixed signature, so trusting it would
    /// let anyone forge a package; it and its kin are refused in every spelling of the sign bit.
    @Test("A degenerate public key, for which a signature needs no private key, is refused")
    func degenerateKeys() throws {
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        let identity = Data([0x01] + [UInt8](repeating: 0, count: 31))
        let forged = Data([0x01] + [UInt8](repeating: 0, count: 63))
        let key = try Curve25519.Signing.PublicKey(rawRepresentation: identity)
        #expect(key.isValidSignature(forged, for: Data("any manifest".utf8)), "the danger is real")
        for raw in [identity, Data(count: 32), Data([0x01] + [UInt8](repeating: 0, count: 30) + [0x80]),
                    Data([0xEC] + [UInt8](repeating: 0xFF, count: 31))] {
            let error = #expect(throws: DeskError.self) { try store.trust(publicKey: raw.base64EncodedString(), label: "weak") }
            #expect(error?.description.contains("not a usable public key") == true, "\(raw as NSData): \(String(describing: error))")
        }
        #expect(try store.trustedKeys().isEmpty)
        #expect(try store.auditTrail().isEmpty)
    }

    @Test("A desk id changed behind the program's back is found by verify: it differs from its signing key's")
    func changedDeskID() throws {
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        _ = try store.signingKey()
        #expect(try store.verify().isSound)
        try store.close()
        let queue = try DatabaseQueue(path: folder.path("desk.sqlite"))
        try queue.write { try $0.execute(sql: "UPDATE desk_meta SET value = '00000000-0000-4000-8000-000000000000' WHERE key = 'desk_id'") }
        try queue.close()
        let reopened = try Fixtures.store(in: folder)
        #expect(try reopened.verifyAtOpen().recordProblems.contains { $0.contains("signing key was made for") },
                "the check at opening says so too")
        let report = try reopened.verify()
        #expect(report.recordProblems.contains {
            $0.contains("is not the one its signing key was made for") && $0.contains("00000000-0000-4000-8000-000000000000")
        }, "\(report.recordProblems)")
    }
}
