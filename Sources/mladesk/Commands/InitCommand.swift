import ArgumentParser
import DeskStore
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create an empty desk file and its signing key.")

    @OptionGroup var options: DeskOptions

    func run() throws {
        let path = options.databasePath
        if FileManager.default.fileExists(atPath: path) {
            throw CommandFailure("\(path) already exists; nothing was changed.")
        }
        let (store, _) = try options.openDesk(createIfMissing: true)
        let key = try store.signingKey()
        print("Created desk \(store.path) (desk id \(store.deskID)).")
        print("Signing key \(key.keyID) in \(store.signingKeyPath); `mladesk key show` prints the public key for other desks.")
    }
}
