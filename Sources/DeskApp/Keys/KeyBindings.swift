import TermUI

/// The desk's key tables, one per ``KeyScope``, built from one list of named bindings.
///
/// Key handling, the help screen and the key bar all read these tables, so what a key does and
/// what the desk says it does cannot drift apart. A user keys file remaps actions by name.
public struct KeyBindings: Sendable {
    public private(set) var maps: [KeyScope: KeyMap<DeskAction>]

    public init(maps: [KeyScope: KeyMap<DeskAction>]) {
        self.maps = maps
    }

    /// The table of one scope; empty when the scope has no keys of its own.
    public func map(_ scope: KeyScope) -> KeyMap<DeskAction> {
        maps[scope] ?? KeyMap([])
    }

    /// The action a key asks for in `scope`, falling back to the global table unless the
    /// scope is modal (a form or dialog holds the keyboard alone).
    public func action(for event: KeyEvent, in scope: KeyScope) -> DeskAction? {
        if let action = map(scope).action(for: event) { return action }
        return KeyScope.modal.contains(scope) ? nil : map(.global).action(for: event)
    }

    /// The keys shown for an action, as the help screen and dialogs print them (`Ctrl-S / F2`).
    public func keyText(_ action: DeskAction, in scope: KeyScope) -> String {
        let keys = map(scope).keys(for: action)
        let chosen = keys.isEmpty ? map(.global).keys(for: action) : keys
        return chosen.map(\.description).joined(separator: " / ")
    }

    /// The key bar items of a scope: its bindings marked for the bar, then the global ones,
    /// each global one under its first key the scope does not take for itself (on the import
    /// screen `q` cancels, so quitting shows as Ctrl-Q). A global action with no such key is
    /// left out: on the help page `?` and F1 close the help, which its own "Esc Back" offers,
    /// so "? Help" would name a key that does the opposite there. Dialogs show only their own.
    public func barItems(for scope: KeyScope) -> [(key: String, label: String)] {
        bar(for: scope).items
    }

    /// ``barItems(for:)`` and where among them the help key is, which the bar keeps on a narrow
    /// screen so that every page says how to learn its other keys.
    public func bar(for scope: KeyScope) -> (items: [(key: String, label: String)], kept: Set<Int>) {
        let own = map(scope)
        var items: [(key: String, label: String)] = own.bindings.filter(\.showInBar).compactMap { binding in
            binding.keys.first.map { (key: $0.description, label: binding.action.barLabel) }
        }
        var kept = Set<Int>()
        guard !KeyScope.modal.contains(scope) else { return (items, kept) }
        for binding in map(.global).bindings where binding.showInBar {
            guard let free = binding.keys.first(where: { own.action(for: $0.event) == nil }) else { continue }
            if binding.action == .help { kept.insert(items.count) }
            items.append((key: free.description, label: binding.action.barLabel))
        }
        return (items, kept)
    }

    /// Applies a user keys file: each line names an action and its new keys.
    ///
    /// Lines are routed to every scope whose table holds the named action; blank lines, comments
    /// and lines naming no known action stay in every table's copy (unknown names in the global
    /// one), so the key map reports errors with the line number of the user's file.
    public func remapped(with fileText: String) throws(KeyMapError) -> KeyBindings {
        let lines = fileText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var result = self
        for (scope, map) in maps {
            let actions = Set(map.bindings.map(\.action))
            let ownLines = lines.map { line -> String in
                guard let name = Self.actionName(in: line) else { return line }
                if let action = DeskAction(rawValue: name) {
                    return actions.contains(action) ? line : ""
                }
                return scope == .global ? line : ""
            }
            result.maps[scope] = try map.remapped(
                with: ownLines.joined(separator: "\n"),
                actionNamed: { name in DeskAction(rawValue: name).flatMap { actions.contains($0) ? $0 : nil } },
                nameOf: \.rawValue)
        }
        return result
    }

    /// The leading word of a keys file line when it looks like an action name (`list.next`).
    private static func actionName(in line: String) -> String? {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        let name = trimmed.prefix { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-" }
        return name.contains(".") ? String(name) : nil
    }
}

extension KeyScope {
    /// Scopes that hold the keyboard alone: global keys such as quit do not reach past them.
    static let modal: Set<KeyScope> = [.filter, .form, .confirm, .conflict, .status, .templates, .prompt, .hashing, .packageCheck,
                                        .notice, .busy]
}
