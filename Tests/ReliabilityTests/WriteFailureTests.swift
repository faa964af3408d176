import DeskTestSupport
import Foundation
import Testing

/// Row 2: a write or sync that fails at any point of a save leaves the desk as it was.
@Suite("A write error at any point of a save loses nothing and saves nothing")
struct WriteFailureTests {
    @Test("The k-th write or sync fails with EIO, for every k until the save goes through")
    func everyWriteFails() throws {
        let tools = try TemporaryDirectory("shim")
        let library = try WriteErrorShim.build(in: tools)
        let folder = try TemporaryDirectory("eio")
        let cli = try Reliability.desk(in: folder)
        let before = try Reliability.contents(cli)
        let save = "exec \(TmuxSession.quote(CommandRunner.binary)) status OUT-2026-0001 internal_review --note 'ready'"
        var failures = 0
        var saved = false
        for k in 1...400 {
            let result = try Reliability.shell(save, cli, extra: [
                "LD_PRELOAD": library, "MLADESK_FAIL_AT": "\(k)", "MLADESK_FAIL_PATH": "desk.sqlite"])
            if result.status == 0 {
                saved = true
                break
            }
            failures += 1
            #expect(result.stderr.hasPrefix("mladesk: Nothing was saved:"), "k=\(k): \(result.stderr)")
            #expect(try Reliability.contents(cli) == before, "k=\(k): the desk changed after a failed save")
            #expect(try Reliability.integrityCheck(folder.path("desk.sqlite")) == ["ok"], "k=\(k)")
        }
        #expect(saved, "the save never went through")
        let verify = try cli.run(["verify"])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        #expect(failures >= 3, "only \(failures) writes were failed: the shim did not reach SQLite")
        let after = try cli.run(["show", "OUT-2026-0001"])
        #expect(after.stdout.contains("draft → internal_review"))
        #expect(try cli.run(["status", "OUT-2026-0002", "internal_review"]).status == 0, "the next save fails")
        #expect(try cli.run(["verify"]).status == 0)
    }
}
