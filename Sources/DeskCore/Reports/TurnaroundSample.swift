import Foundation

/// The few facts about one sent (or received) request that turnaround figures need, read
/// without decoding the request: where it went, on which legal basis, and three instants.
public struct TurnaroundSample: Sendable, Equatable {
    public var country: CountryCode
    public var instrument: InstrumentID
    public var sent: Date
    public var acknowledged: Date?
    /// First entry into `executed` (outgoing) or `response_sent` (incoming).
    public var executed: Date?

    public init(country: CountryCode, instrument: InstrumentID, sent: Date, acknowledged: Date? = nil,
                executed: Date? = nil) {
        self.country = country
        self.instrument = instrument
        self.sent = sent
        self.acknowledged = acknowledged
        self.executed = executed
    }

    /// Days from sent to the given instant; `nil` when it is missing or earlier than sending.
    func days(to end: Date?) -> Double? {
        guard let end, end >= sent else { return nil }
        return end.timeIntervalSince(sent) / 86_400
    }
}
