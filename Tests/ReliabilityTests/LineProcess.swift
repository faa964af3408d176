import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process talked to line by line: the test reads what it says and answers it.
final class LineProcess: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let lock = NSLock()
    private var text = ""

    init(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.text += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    /// The `sqlite3` shell on a desk: another program holding a snapshot or a lock for as long
    /// as a test needs.
    static func sqlite3(_ path: String) throws -> LineProcess {
        try LineProcess("/usr/bin/sqlite3", [path])
    }

    var pid: Int32 { process.processIdentifier }

    /// Everything the child said so far.
    var said: String { lock.withLock { text } }

    func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    func waitFor(_ marker: String, timeout: TimeInterval = 20) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if lock.withLock({ text.contains(marker) }) { return }
            usleep(5_000)
        }
        throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "no “\(marker)” from the child: \(lock.withLock { text })"])
    }

    func send(_ line: String) throws {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    /// Waits for the child to end; returns its status (or 128 + signal) and everything it said.
    func finish() throws -> (status: Int32, output: String) {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        output.fileHandleForReading.readabilityHandler = nil
        let rest = output.fileHandleForReading.readDataToEndOfFile()
        let all = lock.withLock { text + String(decoding: rest, as: UTF8.self) }
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return (status, all)
    }
}
