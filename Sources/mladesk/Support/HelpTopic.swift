import ArgumentParser

/// `mladesk help TOPIC…` names a command. The argument parser's own `help` shows the root
/// help, exit 0, for a topic that names nothing; a script (or an officer) asking for help on a
/// misspelt command should hear that it does not exist, as any other usage error.
enum HelpTopic {
    /// The usage problem of `arguments` (the command line without the program) when it asks for
    /// help on a command that does not exist, else nil.
    static func problem(in arguments: [String], root: any ParsableCommand.Type) -> String? {
        guard arguments.first == "help" else { return nil }
        var names = subcommandNames(of: root)
        var path: [String] = []
        for word in arguments.dropFirst() where !word.hasPrefix("-") {
            guard let next = names.first(where: { $0.name == word }) else {
                guard !names.isEmpty else { return "'\(path.joined(separator: " "))' has no commands under it; see mladesk help \(path.joined(separator: " "))" }
                let within = path.isEmpty ? "" : " under '\(path.joined(separator: " "))'"
                return "There is no command '\(word)'\(within). Commands: \(names.map { $0.name }.joined(separator: ", "))."
            }
            names = subcommandNames(of: next.command)
            path.append(word)
        }
        return nil
    }

    /// The names the parser itself answers to: the configured one, else the one it makes from
    /// the type's name (`Trust` is `trust`).
    private static func subcommandNames(of command: any ParsableCommand.Type) -> [(name: String, command: any ParsableCommand.Type)] {
        var names: [(name: String, command: any ParsableCommand.Type)] = []
        for subcommand in command.configuration.subcommands {
            names.append((subcommand._commandName, subcommand))
        }
        return names
    }
}
