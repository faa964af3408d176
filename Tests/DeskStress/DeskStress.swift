import DeskCore
import DeskStore
import DeskTestSupport
import Foundation

/// A second program on a desk, for the reliability tests: it commits in a loop and reports
/// each commit, or reads a request and saves it only when told, so that tests can kill it at
/// any moment or race it against another process.
///
///     desk-stress commit-loop DESK         create requests forever; print each reference once committed
///     desk-stress save-when-told DESK REF  read REF, print "read VERSION", save a note after a line on stdin
@main
enum DeskStress {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            switch (arguments.first, arguments.count) {
            case ("commit-loop", 2):
                try commitLoop(arguments[1])
            case ("save-when-told", 3):
                try saveWhenTold(arguments[1], reference: arguments[2])
            default:
                report("usage: desk-stress commit-loop DESK | save-when-told DESK REF")
                exit(2)
            }
        } catch {
            report("error: \(error)")
            exit(1)
        }
    }

    private static func open(_ path: String, officer: String) throws -> DeskStore {
        try DeskStore.open(path: path, officer: officer, reference: Fixtures.reference)
    }

    private static func commitLoop(_ path: String) throws {
        let store = try open(path, officer: "Stress Loop")
        while true {
            let created = try store.create(Fixtures.request(facts: "Committed by the loop at \(Date())."))
            report("committed \(created.reference)")
        }
    }

    private static func saveWhenTold(_ path: String, reference: String) throws {
        let store = try open(path, officer: "Second Process")
        guard let parsed = RequestReference(reference), let details = try store.details(reference: parsed) else {
            report("error: no request \(reference)")
            exit(1)
        }
        report("read \(details.request.version)")
        _ = readLine()
        var request = details.request
        request.notes = "Saved by the second process."
        do {
            let saved = try store.update(request)
            report("saved \(saved.version)")
        } catch let error as DeskError {
            report("refused: \(error.description)")
            exit(1)
        }
    }

    /// One line, written at once (standard output to a pipe is otherwise buffered).
    private static func report(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
