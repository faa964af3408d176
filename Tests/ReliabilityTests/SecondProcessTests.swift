import DeskTestSupport
import Foundation
import Testing

/// Row 4: a second process on the same desk can neither lose an update nor corrupt the file.
@Suite("A second process on the same desk")
struct SecondProcessTests {
    @Test("Two processes save the same request: the later save is refused, naming who changed it and when")
    func lostUpdateRefused() throws {
        let folder = try TemporaryDirectory("race")
        let cli = try Reliability.desk(in: folder)
        let second = try LineProcess(Reliability.binary("desk-stress"), ["save-when-told", folder.path("desk.sqlite"), "OUT-2026-0001"])
        try second.waitFor("read 1")
        let first = try cli.run(["status", "OUT-2026-0001", "internal_review"])
        #expect(first.status == 0, "\(first.stderr)")
        try second.send("go")
        let outcome = try second.finish()
        #expect(outcome.status == 1)
        #expect(outcome.output.contains("refused: OUT-2026-0001 was changed by Ana Müller at "), "\(outcome.output)")
        #expect(outcome.output.contains("nothing was overwritten"))
        let shown = try cli.run(["show", "OUT-2026-0001"])
        #expect(shown.stdout.contains("draft → internal_review"))
        #expect(!shown.stdout.contains("Saved by the second process"))
        #expect(try cli.run(["verify"]).status == 0)
    }

    @Test("A writer waiting behind another program's write transaction gives up after the busy timeout with the plain message")
    func busyTimeout() throws {
        let folder = try TemporaryDirectory("busy")
        let cli = try Reliability.desk(in: folder)
        let before = try Reliability.contents(cli)
        let holder = try LineProcess.sqlite3(folder.path("desk.sqlite"))
        // A commit first, as any program that writes makes: the pool's own opening writes to a
        // log that is empty (the first commit to it), which no program can do meanwhile.
        try holder.send("CREATE TABLE held_meanwhile (x); DROP TABLE held_meanwhile; BEGIN IMMEDIATE; SELECT 'held';")
        try holder.waitFor("held")
        let started = Date()
        let waiting = try cli.run(["status", "OUT-2026-0001", "internal_review"])
        let waited = Date().timeIntervalSince(started)
        #expect(waiting.status == 1)
        #expect(waiting.stderr == "mladesk: \(folder.path("desk.sqlite")) is busy: another program kept it locked too long. Nothing was saved; try again.\n",
                "\(waiting.stderr)")
        #expect(waited >= 4.5, "gave up after \(waited) s, before the busy timeout")
        for reading in [["list"], ["show", "OUT-2026-0001"], ["verify"], ["log", "OUT-2026-0001"]] {
            let started = Date()
            let read = try cli.run(reading)
            #expect(read.status == 0, "a read needs no write lock: \(reading) \(read.stderr)")
            #expect(Date().timeIntervalSince(started) < 4, "\(reading) waited for the writer")
        }
        try holder.send("ROLLBACK; SELECT 'released';")
        try holder.waitFor("released")
        _ = try holder.finish()
        #expect(try Reliability.contents(cli) == before)
        #expect(try Reliability.integrityCheck(folder.path("desk.sqlite")) == ["ok"])
        #expect(try cli.run(["status", "OUT-2026-0001", "internal_review"]).status == 0)
    }
}
