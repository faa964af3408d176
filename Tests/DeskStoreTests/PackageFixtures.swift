import Crypto
import DeskCore
import DeskTestSupport
import Foundation

@testable import DeskStore

/// Two desks that exchange packages: a sender holding one request with a checklist, evidence,
/// custody and an attached file, and a receiver that trusts the sender's key.
struct PackagePair {
    let senderFolder: TemporaryDirectory
    let receiverFolder: TemporaryDirectory
    let sender: DeskStore
    let receiver: DeskStore
    let reference: RequestReference
    let evidenceFile: String
    let evidenceBytes: Data

    init() throws {
        senderFolder = try TemporaryDirectory("sender")
        receiverFolder = try TemporaryDirectory("receiver")
        sender = try Fixtures.store(in: senderFolder)
        receiver = try Fixtures.store(in: receiverFolder, officer: "Søren Østergaard")
        evidenceBytes = Data((0..<2000).map { "2026-11-02T08:\($0 % 60):00Z login from 203.0.113.7 port 443\n" }.joined().utf8)
        evidenceFile = senderFolder.path("access-log.txt")
        try evidenceBytes.write(to: URL(fileURLWithPath: evidenceFile))
        let details = Self.details(attachedPath: evidenceFile, digest: Hex.sha256(evidenceBytes),
                                   size: Int64(evidenceBytes.count))
            .withThisDesksChecklist(Fixtures.reference.checklistTemplates)
        try sender.insert([details], action: "test")
        reference = details.request.reference
        try receiver.trust(publicKey: try sender.signingKey().publicKeyBase64, label: "Sender desk")
    }

    static func details(attachedPath: String, digest: String, size: Int64) -> RequestDetails {
        var request = Fixtures.request()
        request.version = 1
        request.updatedAt = Fixtures.today
        request.updatedBy = "Ana Müller"
        let history = [StatusChange(from: nil, to: .draft, at: Fixtures.today, officer: "Ana Müller", note: "registered")]
        let checklist = [
            ChecklistItem(itemID: "core.legal_basis", group: "Core", label: "Legal basis", isRequired: true, state: .done,
                          changedBy: "Ana Müller", changedAt: Fixtures.today),
            ChecklistItem(itemID: "core.urgency", group: "Core", label: "Urgency and why", isRequired: false,
                          state: .notApplicable, reason: "routine request"),
        ]
        let exchange = EvidenceExchange(
            requestID: request.id, flow: .received, at: Fixtures.today, channel: "central_authority", medium: .usbDrive,
            counterpartAuthority: "Bundesamt für Justiz", counterpartPerson: "K. Weber", transmittalReference: "BfJ-2026-77",
            handling: HandlingRestrictions(confidentiality: "restricted", limitationOfUse: "this case only", code: .h2))
        let item = EvidenceItem(
            exchangeID: exchange.id, description: "Web server access log", category: .logs, originalFileName: "access log.txt",
            size: size, declaredHashes: [HashDigest(algorithm: .sha256, value: digest)],
            computedHashes: [HashDigest(algorithm: .sha256, value: digest)], attachedPath: attachedPath)
        let custody = [
            CustodyEvent(itemID: item.id, kind: .received, at: Fixtures.today, officer: "Ana Müller", location: "Evidence room 2",
                         note: "sealed bag 4411"),
            CustodyEvent(itemID: item.id, kind: .verificationPassed, at: Fixtures.today.addingTimeInterval(60),
                         officer: "Ana Müller"),
        ]
        return RequestDetails(request: request, history: history, checklist: checklist, exchanges: [exchange],
                              items: [item], custody: custody)
    }

    /// Writes a package of the request into a new folder beside the sender and returns its path.
    func export(_ name: String = "package", withFiles: Bool = true, recipient: String? = nil) throws -> String {
        let path = senderFolder.path(name)
        _ = try sender.exportPackage(references: [reference], to: path, withFiles: withFiles, recipient: recipient)
        return path
    }

    /// Everything the receiver holds that an import could change, for before/after comparisons.
    func receiverState() throws -> (requests: [RequestDetails], auditRows: [AuditEntry], packages: Int) {
        let packages = try receiver.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM imported_package") ?? 0 }
        return (try receiver.archive(references: nil).requests, try receiver.auditTrail(), packages)
    }

    /// Entries in the receiver's folder other than the desk file and its companions.
    func receiverLeftovers() throws -> [String] {
        let desk: Set<String> = ["desk.sqlite", "desk.sqlite-wal", "desk.sqlite-shm", "desk.sqlite.key"]
        return try FileManager.default.contentsOfDirectory(atPath: receiverFolder.path).filter { !desk.contains($0) }.sorted()
    }
}

/// Edits a package as an attacker with (or without) a signing key would.
enum PackageTamper {
    static func manifest(_ package: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(package)/manifest.json"))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// Replaces the manifest with `object` and signs it with `key`.
    static func resign(_ package: String, _ object: [String: Any], with key: Curve25519.Signing.PrivateKey) throws {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        try data.write(to: URL(fileURLWithPath: "\(package)/manifest.json"))
        try key.signature(for: data).write(to: URL(fileURLWithPath: "\(package)/manifest.sig"))
    }

    /// Rewrites the package's request archive with `edit` and signs it again with the sender's
    /// key, as a sender (or a thief of its key) would: the package is then signed and whole.
    static func rewriteArchive(_ package: String, pair: PackagePair, _ edit: (inout [String: Any]) -> Void) throws {
        let path = "\(package)/payload/requests.json"
        var archive = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
        edit(&archive)
        let data = try JSONSerialization.data(withJSONObject: archive, options: [.sortedKeys])
        try data.write(to: URL(fileURLWithPath: path))
        var manifest = try manifest(package)
        var payloads = manifest["payloads"] as! [[String: Any]]
        for index in payloads.indices where payloads[index]["path"] as? String == "payload/requests.json" {
            payloads[index]["sha256"] = Hex.sha256(data)
            payloads[index]["size"] = data.count
        }
        manifest["payloads"] = payloads
        try resign(package, manifest, with: try pair.sender.signingKey().privateKey)
    }

    static func blobPath(_ package: String) throws -> String {
        let blobs = try FileManager.default.contentsOfDirectory(atPath: "\(package)/blobs")
        return "\(package)/blobs/\(blobs[0])"
    }

    static func flipByte(_ path: String, at offset: Int) throws {
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        data[offset] ^= 0x01
        try data.write(to: URL(fileURLWithPath: path))
    }
}
