import ArgumentParser
import DeskCore
import DeskStore
import Foundation
import TermNcurses
import TermUI

/// Runs the command line with the desk's exit codes: 0 success, 1 a problem found or a change
/// refused, 2 a usage error. Problems are one sentence on standard error, never a stack trace.
@main
enum Main {
    static func main() {
        DeskStore.applySQLiteSettings()
        // Past `ulimit -f` a write must fail (and the transaction roll back), not kill the program.
        signal(SIGXFSZ, SIG_IGN)
        if let problem = HelpTopic.problem(in: Array(CommandLine.arguments.dropFirst()), root: Mladesk.self) {
            FileHandle.standardError.write(Data("mladesk: \(problem)\n".utf8))
            exit(2)
        }
        do {
            var command = try Mladesk.parseAsRoot()
            try command.run()
        } catch {
            TerminationCleanup.waitIfEnding()
            report(error)
        }
    }

    private static func report(_ error: any Error) -> Never {
        switch error {
        case let error as ExitCode:
            exit(error.rawValue)
        case let error as DeskError:
            fail(error.description)
        case let error as ReferenceDataError:
            fail("Reference data: \(error.description)")
        case let error as TerminalError:
            fail(error.description)
        case let error as KeyMapError:
            fail("Keys file: \(error)")
        case let error as CommandFailure:
            fail(error.message)
        default:
            let code = Mladesk.exitCode(for: error)
            if code == .success {
                Mladesk.exit(withError: error)
            }
            FileHandle.standardError.write(Data((TextOutput.safeLines(Mladesk.fullMessage(for: error)) + "\n").utf8))
            exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("mladesk: \(message)\n".utf8))
        exit(1)
    }
}

/// A refusal or finding from a command, printed as one sentence with exit code 1.
struct CommandFailure: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
