import ArgumentParser

/// `mladesk evidence`: exchanges, items, custody and hash verification of one request.
struct EvidenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence", abstract: "Record and verify evidence exchanges, items and their custody.",
        discussion: "Exchange and item ids may be shortened to any unique prefix, as `evidence list` shows them.",
        subcommands: [
            EvidenceListCommand.self, EvidenceShowCommand.self, EvidenceAddExchangeCommand.self,
            EvidenceAddItemCommand.self, EvidenceAttachCommand.self, EvidenceCustodyCommand.self,
            EvidenceVerifyCommand.self,
        ])
}
