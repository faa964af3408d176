/// The table from keys to named actions for one scope of the desk.
///
/// Actions are named so that users can remap them in a keys file and so that the help screen and
/// key bar are generated from the table that handles the keys.
public struct KeyMap<Action: Hashable & Sendable>: Sendable {
    public private(set) var bindings: [Binding<Action>]
    private var index: [KeyEvent: Action]

    /// When two bindings claim the same key, the first one wins.
    public init(_ bindings: [Binding<Action>]) {
        self.bindings = bindings
        var index: [KeyEvent: Action] = [:]
        for binding in bindings {
            for key in binding.keys where index[key.event] == nil {
                index[key.event] = binding.action
            }
        }
        self.index = index
    }

    public func action(for event: KeyEvent) -> Action? {
        index[event]
    }

    public func keys(for action: Action) -> [KeyChord] {
        bindings.first { $0.action == action }?.keys ?? []
    }

    /// Key bar entries: the first key of each binding shown in the bar, with its help text.
    public var barItems: [(key: String, label: String)] {
        bindings.compactMap { binding in
            guard binding.showInBar, let key = binding.keys.first else { return nil }
            return (key.description, binding.help)
        }
    }

    /// Help screen entries: every key of every binding, with its help text.
    public var helpEntries: [(keys: String, help: String)] {
        bindings.map { binding in
            (binding.keys.map(\.description).joined(separator: ", "), binding.help)
        }
    }

    /// Applies a user keys file: one `action.name = key, key` per line; lines starting with `#`
    /// and blank lines are ignored. The listed keys replace that action's keys. A key may not end
    /// up bound to two actions. `nameOf` gives an action's name as the file writes it, for messages.
    public func remapped(with fileText: String, actionNamed: (String) -> Action?,
                         nameOf: (Action) -> String = { "\($0)" }) throws(KeyMapError) -> KeyMap<Action> {
        var replaced: [Action: (line: Int, name: String, keys: [KeyChord])] = [:]
        var claimedKeys: [KeyEvent: (line: Int, name: String)] = [:]
        let lines = fileText.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (offset, raw) in lines.enumerated() {
            let number = offset + 1
            let line = String(raw).trimmingSpaces
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else {
                throw KeyMapError(line: number, message: "expected “action.name = key, key”, found “\(line)”")
            }
            let name = String(line[..<equals]).trimmingSpaces
            guard let action = actionNamed(name) else {
                throw KeyMapError(line: number,
                                  message: "unknown action “\(name)”; the help page (?) names every action after what it does")
            }
            if let earlier = replaced[action] {
                throw KeyMapError(line: number, message: "“\(name)” is already remapped on line \(earlier.line)")
            }
            let list = line[line.index(after: equals)...].split(separator: ",").map { String($0).trimmingSpaces }
            guard !list.allSatisfy(\.isEmpty) else {
                throw KeyMapError(line: number, message: "no keys given for “\(name)”")
            }
            var chords: [KeyChord] = []
            for text in list {
                guard let chord = KeyChord(parsing: text) else {
                    throw KeyMapError(line: number, message: "cannot read key “\(text)” for “\(name)”")
                }
                if let other = claimedKeys[chord.event], other.name != name {
                    throw KeyMapError(
                        line: number,
                        message: "\(chord) is bound to both “\(name)” and “\(other.name)” (line \(other.line))"
                    )
                }
                claimedKeys[chord.event] = (number, name)
                if !chords.contains(chord) { chords.append(chord) }
            }
            replaced[action] = (number, name, chords)
        }
        let result = bindings.map { binding in
            var binding = binding
            if let replacement = replaced[binding.action] { binding.keys = replacement.keys }
            return binding
        }
        for binding in result where replaced[binding.action] == nil {
            for key in binding.keys {
                if let claim = claimedKeys[key.event] {
                    throw KeyMapError(
                        line: claim.line,
                        message: "\(key) is bound to both “\(claim.name)” and “\(nameOf(binding.action))” (\(binding.help))"
                    )
                }
            }
        }
        return KeyMap(result)
    }
}
