import DeskStore
import DeskTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Row 1: a process killed in the middle of writing loses nothing it reported saved.
@Suite("A process killed mid-write loses nothing it reported saved")
struct CrashRecoveryTests {
    static let rounds = Int(ProcessInfo.processInfo.environment["MLADESK_KILL_ROUNDS"] ?? "") ?? 30

    @Test("SIGKILL at random moments: the file opens, integrity_check is ok, every reported commit is there, the chain verifies")
    func killMidWrite() throws {
        let folder = try TemporaryDirectory("kill")
        let cli = try Reliability.desk(in: folder, requests: 1)
        let path = folder.path("desk.sqlite")
        var reported: Set<String> = []
        var generator = SystemRandomNumberGenerator()
        for round in 0..<Self.rounds {
            let child = try CommitLoop(desk: path)
            try child.waitForFirstCommit()
            usleep(UInt32.random(in: 1_000...40_000, using: &generator))
            let committed = try child.kill()
            #expect(!committed.isEmpty, "round \(round) reported no commit")
            reported.formUnion(committed)
            #expect(try Reliability.integrityCheck(path) == ["ok"], "round \(round)")
        }
        let stored = try Reliability.read(path) { try Set(String.fetchAll($0, sql: "SELECT reference FROM request")) }
        let lost = reported.subtracting(stored)
        #expect(lost.isEmpty, "reported saved but missing after SIGKILL: \(lost.sorted())")
        #expect(reported.count >= Self.rounds)
        let verify = try cli.run(["verify"])
        #expect(verify.status == 0 && verify.stdout.contains("chain intact"), "\(verify.stdout)\(verify.stderr)")
    }
}

/// The `desk-stress commit-loop` child: its reports are read as they arrive, so the test knows
/// exactly which commits the child had confirmed at the moment it was killed.
private struct CommitLoop {
    let child: LineProcess

    init(desk: String) throws {
        child = try LineProcess(Reliability.binary("desk-stress"), ["commit-loop", desk])
    }

    func waitForFirstCommit() throws {
        try child.waitFor("committed ")
    }

    /// Kills the child with SIGKILL and returns every reference it reported committed.
    func kill() throws -> Set<String> {
        child.signal(SIGKILL)
        let (status, output) = try child.finish()
        #expect(status == 128 + SIGKILL)
        let completeLines = output.components(separatedBy: "\n").dropLast()
        return Set(completeLines.filter { $0.hasPrefix("committed ") }.map { String($0.dropFirst("committed ".count)) })
    }
}
