import DeskTestSupport
import Foundation
import Testing

/// Continuous integration does not run the benchmark; it checks that the benchmark still runs,
/// so `scripts/bench.sh` never rots between releases.
@Suite("The benchmark's smoke run")
struct BenchmarkSmokeTests {
    static var benchBinary: URL {
        URL(fileURLWithPath: CommandRunner.binary).deletingLastPathComponent().appendingPathComponent("mladesk-bench")
    }

    @Test("Every in-process figure completes on a desk of 1,000 requests")
    func smokeRunCompletes() throws {
        let process = Process()
        process.executableURL = Self.benchBinary
        process.arguments = ["smoke", "--count", "1000", "--data", Fixtures.dataDirectory.path]
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "LANG": "C.UTF-8", "TZ": "UTC"]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationStatus == 0, "\(errors)")
        let figures = Set(output.split(separator: "\n").compactMap { line -> String? in
            let fields = line.split(separator: "\t")
            guard fields.count == 8, Double(fields[3]) != nil else { return nil }
            return "\(fields[0])@\(fields[1])"
        })
        for expected in ["open.home@1000", "open.list@1000", "filter.text@1000", "filter.field@1000", "filter.fts@1000",
                         "filter.flags@1000", "filter.tab@1000", "request.open@1000", "save.edit@1000", "status.change@1000",
                         "list.pagedown@1000", "memory.peak@1000", "import.json@1000", "export.package@100", "hash.mladesk@0"] {
            #expect(figures.contains(expected), "no \(expected) in:\n\(output)")
        }
    }
}
