/// An investigation that several demo requests belong to, so the desk's operation view has
/// something to group: requests to several countries about one offence within a few months.
///
/// Operations are tied to blocks of ``requestsPerOperation`` consecutive indices and drawn
/// from their own random stream, so any request can find its operation without generating
/// the others.
struct DemoOperation {
    static let requestsPerOperation = 20
    /// Share of the requests in a block that belong to its operation.
    static let memberShare = 0.3

    var name: String
    var offence: OffenceID
    /// When the operation's requests cluster, in seconds since 1970.
    var centre: Int64

    init(block: Int, seed: UInt64, offences: WeightedChoice<OffenceID>, earliest: Int64, latest: Int64) {
        var random = SeededGenerator(seed: seed, stream: UInt64(block), domain: 1)
        let pool = DemoPools.operationNames
        let start = Int(truncatingIfNeeded: SeededGenerator.mix(seed) % UInt64(pool.count))
        let round = block / pool.count
        name = "OP-" + pool[(block + start) % pool.count] + (round == 0 ? "" : "-" + String(round + 1))
        offence = offences.pick(using: &random)
        centre = random.int64(in: earliest...latest)
    }
}
