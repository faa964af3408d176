import DeskCore
import DeskStore
import DeskTestSupport
import Foundation
import Testing

/// A desk of eight requests with known dates, and the report figures worked out by hand.
@Suite("Report figures from the store match a hand-computed fixture")
struct ReportStoreTests {
    static let day: TimeInterval = 86_400
    /// 2026-03-02 00:00 UTC.
    static let sent = Date(timeIntervalSince1970: 1_772_409_600)

    static func request(_ sequence: Int, _ direction: Direction = .outgoing, country: CountryCode = "DE",
                        instrument: InstrumentID = "budapest", status: RequestStatus, sent: Date? = sent,
                        ackDays: Double? = nil, execDays: Double? = nil, types: [RequestTypeID] = ["subscriber_info"],
                        channel: ChannelID = "central_authority", created: Date = sent, due: Date? = nil,
                        refusal: RefusalGroundID? = nil) -> RequestDetails {
        var request = Fixtures.request(direction, country: country, types: types, created: created)
        request.reference = RequestReference(direction: direction, year: 2026, sequence: sequence)
        request.legalBasis = LegalBasis(instrument: instrument)
        request.channel = channel
        request.status = status
        request.dates.sentOrReceived = sent
        request.dates.acknowledged = ackDays.map { Self.sent.addingTimeInterval($0 * day) }
        request.dates.due = due
        var history = [StatusChange(from: nil, to: Workflow.initialStatus(for: direction), at: created, officer: "Ana Müller")]
        if let execDays {
            history.append(StatusChange(from: .inExecution, to: .executed, at: Self.sent.addingTimeInterval(execDays * day),
                                        officer: "Ana Müller"))
        }
        if let refusal {
            history.append(StatusChange(from: .assessed, to: .refused, at: Self.sent.addingTimeInterval(3 * day),
                                        officer: "Ana Müller", ground: refusal))
        }
        return RequestDetails(request: request, history: history)
    }

    static let desk: [RequestDetails] = [
        request(1, status: .executed, ackDays: 5, execDays: 30),
        request(2, status: .executed, ackDays: 10, execDays: 60),
        request(3, status: .acknowledged, ackDays: 2),
        request(4, instrument: "eio", status: .executed, ackDays: 20, execDays: 90),
        request(5, country: "FR", instrument: "eio", status: .executed, ackDays: 7, execDays: 45),
        request(1, .incoming, country: "FR", status: .refused, sent: sent.addingTimeInterval(30 * day),
                channel: "interpol", refusal: "political_offence"),
        request(6, status: .draft, sent: nil, types: ["preservation", "subscriber_info"],
                created: sent.addingTimeInterval(39 * day), due: sent.addingTimeInterval(60 * day)),
        request(7, status: .executed, sent: sent.addingTimeInterval(-300 * day), ackDays: -290, execDays: -200),
    ]

    /// 2026-01-01 and 2027-01-01, UTC.
    static let from = Date(timeIntervalSince1970: 1_767_225_600)
    static let until = Date(timeIntervalSince1970: 1_798_761_600)

    func report() throws -> ReportModel {
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        try store.insert(Self.desk, action: "import")
        return try store.report(from: Self.from, until: Self.until, now: Fixtures.today, reference: Fixtures.reference)
    }

    @Test("Counts by direction, status, country, type, channel and month; refusals; overdue")
    func counts() throws {
        let model = try report()
        func table(_ counts: [ReportCount]) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: counts.map { ($0.key, $0.count) })
        }
        #expect(model.total == 7)
        #expect(table(model.byDirection) == ["out": 6, "in": 1])
        #expect(table(model.byStatus) == ["executed": 4, "acknowledged": 1, "refused": 1, "draft": 1])
        #expect(table(model.byCountry) == ["DE": 5, "FR": 2])
        #expect(table(model.byType) == ["subscriber_info": 7, "preservation": 1])
        #expect(table(model.byChannel) == ["central_authority": 6, "interpol": 1])
        #expect(model.byMonth == [ReportCount(key: "2026-03", label: "2026-03", count: 5),
                                  ReportCount(key: "2026-04", label: "2026-04", count: 2)])
        #expect(table(model.refusalsByGround) == ["political_offence": 1])
        #expect(model.overdue == 1)
        #expect(model.oldestOverdue.map(\.reference.description) == ["OUT-2026-0006"])
    }

    @Test("Median and 90th percentile (nearest rank) per country and per instrument")
    func turnaround() throws {
        let model = try report()
        func stat(_ list: [TurnaroundStat], _ key: String) throws -> TurnaroundStat {
            try #require(list.first { $0.key == key })
        }
        // Germany: acknowledged after 2, 5, 10, 20 days; executed after 30, 60, 90.
        #expect(try stat(model.turnaroundByCountry, "DE") == TurnaroundStat(
            key: "DE", label: "Germany", acknowledgedCount: 4, acknowledgedMedian: 5, acknowledgedP90: 20,
            executedCount: 3, executedMedian: 60, executedP90: 90))
        #expect(try stat(model.turnaroundByCountry, "FR") == TurnaroundStat(
            key: "FR", label: "France", acknowledgedCount: 1, acknowledgedMedian: 7, acknowledgedP90: 7,
            executedCount: 1, executedMedian: 45, executedP90: 45))
        // Budapest: acknowledged 2, 5, 10; executed 30, 60. EIO: acknowledged 7, 20; executed 45, 90.
        #expect(try stat(model.turnaroundByInstrument, "budapest") == TurnaroundStat(
            key: "budapest", label: "Budapest Convention", acknowledgedCount: 3, acknowledgedMedian: 5, acknowledgedP90: 10,
            executedCount: 2, executedMedian: 30, executedP90: 60))
        let eio = try stat(model.turnaroundByInstrument, "eio")
        #expect((eio.acknowledgedMedian, eio.acknowledgedP90, eio.executedMedian, eio.executedP90) == (7, 20, 45, 90))
    }

    @Test("Without bounds every request counts, the one sent the year before included")
    func unbounded() throws {
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        try store.insert(Self.desk, action: "import")
        let model = try store.report(from: nil, until: nil, now: Fixtures.today, reference: nil)
        #expect(model.total == 8)
        #expect(model.byCountry.first { $0.key == "DE" }?.label == "DE")
        #expect(model.turnaroundByCountry.first { $0.key == "DE" }?.executedCount == 4)
    }
}
