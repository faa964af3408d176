import Foundation

/// Runs the real `mladesk` binary as a child process, for end-to-end tests of the command line.
public struct CommandRunner: Sendable {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String

        public init(status: Int32, stdout: String, stderr: String) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
        }
    }

    /// The built binary: `MLADESK_BINARY` if set, else `mladesk` beside the running test bundle.
    public static var binary: String {
        if let path = ProcessInfo.processInfo.environment["MLADESK_BINARY"], !path.isEmpty { return path }
        let bundle = Bundle.main.bundleURL.deletingLastPathComponent()
        for candidate in [bundle.appendingPathComponent("mladesk"),
                          URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("mladesk")]
        where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate.path
        }
        return bundle.appendingPathComponent("mladesk").path
    }

    public var environment: [String: String]
    /// The program to run: the built binary unless a test runs another copy (an unpacked bundle).
    public var executable: String
    /// The working directory of the child; the test's own when nil.
    public var workingDirectory: String?

    /// A clean environment: the desk file, the officer and the data folder are set explicitly.
    public init(database: String, officer: String = "Ana Müller", extra: [String: String] = [:],
                executable: String = CommandRunner.binary, workingDirectory: String? = nil) {
        var environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8",
                           "MLADESK_DB": database, "MLADESK_OFFICER": officer,
                           "MLADESK_DATA": Fixtures.dataDirectory.path, "TZ": "UTC"]
        environment.merge(extra) { $1 }
        self.environment = environment
        self.executable = executable
        self.workingDirectory = workingDirectory
    }

    @discardableResult
    public func run(_ arguments: [String], input: Data? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory) }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(input) }
        try stdin.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}
