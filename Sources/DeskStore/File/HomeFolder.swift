import Foundation

/// `~`: `HOME` as the shell has it (under `sudo`, or set by the officer), else the account's
/// home from the system's user database, which knows nothing of either.
public enum HomeFolder {
    public static func path(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    }
}
