import ArgumentParser
import DeskCore
import DeskStore
import Foundation

/// The desk's signing key and the keys of the desks it accepts exchange packages from.
struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key", abstract: "Show this desk's signing key; manage the keys of trusted desks.",
        discussion: """
            Packages are signed with this desk's private key (kept in <desk>.key, 0600, never exported or printed). \
            Give the public key from `key show` to the other desk by a channel you trust, and compare the key id \
            by phone or on paper before running `key trust` there.
            """,
        subcommands: [Show.self, Trust.self, List.self, Untrust.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print this desk's public key, key id and desk id.")
        @OptionGroup var options: DeskOptions

        func run() throws {
            let (store, _) = try options.openDesk()
            let key = try store.signingKey()
            print("Public key: \(key.publicKeyBase64)")
            print("Key id:     \(key.keyID)")
            print("Desk id:    \(store.deskID)")
        }
    }

    struct Trust: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Accept packages signed by another desk's public key.")
        @OptionGroup var options: DeskOptions
        @Argument(help: "The other desk's public key, as its `mladesk key show` prints it.") var publicKey: String
        @Option(help: "A name for the other desk, e.g. its authority and city.") var name: String

        func run() throws {
            let (store, _) = try options.openDesk()
            let trusted = try store.trust(publicKey: publicKey, label: name)
            print("Trusted key \(trusted.keyID) as \(TextOutput.safe(trusted.label)).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the keys this desk accepts packages from.")
        @OptionGroup var options: DeskOptions

        func run() throws {
            let (store, _) = try options.openDesk()
            let keys = try store.trustedKeys()
            guard !keys.isEmpty else {
                print("No trusted keys: this desk accepts no packages yet (see `mladesk key trust`).")
                return
            }
            print(TextOutput.table(
                header: ["KEY ID", "NAME", "ADDED", "BY", "PUBLIC KEY"],
                rows: keys.map { [$0.keyID, $0.label, TextOutput.moment($0.addedAt), $0.addedBy, $0.publicKey] },
                maxColumnWidth: 44))
        }
    }

    struct Untrust: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop accepting packages signed by a key.")
        @OptionGroup var options: DeskOptions
        @Argument(help: "The key id, as `mladesk key list` shows it.") var keyID: String

        func run() throws {
            let (store, _) = try options.openDesk()
            try store.untrust(keyID: keyID)
            print("Key \(TextOutput.safe(keyID.lowercased())) is no longer trusted.")
        }
    }
}
