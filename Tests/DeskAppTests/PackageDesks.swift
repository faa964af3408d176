import DeskCore
import DeskStore
import DeskTestSupport
import Foundation

/// Two desks for the import screen: a sender holding one request, and a receiver that trusts
/// the sender's key under `senderName`.
struct PackageDesks {
    let senderFolder: TemporaryDirectory
    let receiverFolder: TemporaryDirectory
    let sender: DeskStore
    let receiver: DeskStore
    let request: Request

    init(senderName: String = "Desk A") throws {
        senderFolder = try TemporaryDirectory("sender")
        receiverFolder = try TemporaryDirectory("receiver")
        let clock = FixedClock(DeskFixtures.now)
        sender = try DeskStore.open(path: senderFolder.path("desk.sqlite"), officer: "anna", clock: clock,
                                    reference: DeskFixtures.reference)
        receiver = try DeskStore.open(path: receiverFolder.path("desk.sqlite"), officer: "ben", clock: clock,
                                      reference: DeskFixtures.reference)
        request = try sender.create(DeskFixtures.request(sequence: 3))
        try receiver.trust(publicKey: try sender.signingKey().publicKeyBase64, label: senderName)
    }

    /// Writes a package of the request into a new folder beside the sender and returns its path.
    func export(_ name: String = "package") throws -> String {
        let path = senderFolder.path(name)
        _ = try sender.exportPackage(references: [request.reference], to: path, withFiles: true,
                                     recipient: receiver.deskID)
        return path
    }

    /// What the receiver's import screen would show for a fresh package (staged and put away).
    func preview() throws -> PackagePreview {
        let staged = try receiver.stagePackage(at: try export("preview"), reference: DeskFixtures.reference,
                                               recordRefusal: false)
        defer { staged.discard() }
        return staged.preview
    }

    /// Staged copies left beside the receiver's desk file.
    func stagingFolders() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: receiverFolder.path).filter { $0.contains(".staging-") }
    }
}
