import DeskTestSupport
import Foundation

/// The install archive the bundle tests unpack: `MLADESK_BUNDLE` names one already built (the
/// static release archive from `scripts/bundle.sh`), otherwise `scripts/bundle.sh --quick`
/// packages the debug build once per test run.
///
/// The quick archive has the same layout, man page, completions and install script; only its
/// binary differs (dynamic and unstripped), because a static release build from a clean clone
/// would take CI past its time budget.
enum BundleArchive {
    static let environmentVariable = "MLADESK_BUNDLE"

    struct BuildFailure: Error, CustomStringConvertible {
        var output: String
        var description: String { "scripts/bundle.sh --quick failed:\n\(output)" }
    }

    /// The archive's path, or the reason there is none.
    static let path: Result<String, BuildFailure> = {
        if let named = ProcessInfo.processInfo.environment[environmentVariable], !named.isEmpty {
            return .success(named)
        }
        do {
            // Inside the build folder, replaced on each run, so no archive piles up anywhere.
            let output = Fixtures.packageRoot.appendingPathComponent(".build/bundle-test")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = [Fixtures.packageRoot.appendingPathComponent("scripts/bundle.sh").path,
                                 "--quick", "--output", output.path]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            guard process.terminationStatus == 0,
                  let archive = text.split(separator: "\n").last.map(String.init),
                  archive.hasSuffix(".tar.gz"), FileManager.default.fileExists(atPath: archive) else {
                return .failure(BuildFailure(output: text))
            }
            return .success(archive)
        } catch {
            return .failure(BuildFailure(output: "\(error)"))
        }
    }()
}
