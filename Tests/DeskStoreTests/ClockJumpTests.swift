import DeskCore
import DeskTestSupport
import Foundation
import Testing

@testable import DeskStore

/// Row 13 of the reliability table: the workstation's clock jumps back a day and forward a year.
@Suite("A clock that jumps cannot reorder history, and a jump back is audited")
struct ClockJumpTests {
    @Test("Back a day: one clock_warning row in the same transaction, order kept by sequence; forward a year: no warning, deadlines overdue")
    func jumps() throws {
        let folder = try TemporaryDirectory()
        let clock = HandClock(Fixtures.today)
        let store = try Fixtures.store(in: folder, clock: clock)
        var draft = Fixtures.request()
        draft.dates.due = Fixtures.today.addingTimeInterval(30 * 86_400)
        var request = try store.create(draft)
        let rowsBefore = try store.auditTrail().count

        clock.move(by: -86_400)
        request.notes = "Written after the clock went back."
        request = try store.update(request)
        request.notes = "Written again at the same wrong time."
        request = try store.update(request)
        let trail = try store.auditTrail()
        let warnings = trail.filter { $0.action == "clock_warning" }
        #expect(warnings.count == 1)
        let warning = try #require(warnings.first)
        #expect(warning.sequence == Int64(rowsBefore + 1), "the warning is not right before the change that went back")
        #expect(trail[rowsBefore + 1].action == "update" && trail[rowsBefore + 1].at == warning.at)
        #expect(warning.detail.contains("the clock went back"))
        #expect(trail.map(\.sequence) == Array(1...Int64(trail.count)))
        #expect(trail.map(\.at) != trail.map(\.at).sorted(), "the trail should keep the jump, not sort it away")
        #expect(try store.agenda(now: clock.now(), days: 0).isEmpty)

        clock.move(by: 366 * 86_400)
        request.notes = "Written a year later."
        request = try store.update(request)
        #expect(try store.auditTrail().filter { $0.action == "clock_warning" }.count == 1)
        let agenda = try store.agenda(now: clock.now(), days: 0)
        #expect(agenda.contains { $0.requestID == request.id && $0.isOverdue })
        #expect(try store.verify().isSound)
    }

    @Test("A store opened with a clock behind the trail warns once, then carries on")
    func reopenedBehind() throws {
        let folder = try TemporaryDirectory()
        let ahead = try Fixtures.store(in: folder, clock: FixedClock(Fixtures.today.addingTimeInterval(3_600)))
        _ = try ahead.create(Fixtures.request())
        try ahead.close()
        let behind = try Fixtures.store(in: folder, clock: FixedClock(Fixtures.today))
        _ = try behind.create(Fixtures.request(.incoming))
        _ = try behind.create(Fixtures.request(.incoming))
        #expect(try behind.auditTrail().filter { $0.action == "clock_warning" }.count == 1)
        #expect(try behind.verify().isSound)
    }
}
