/// The made-up identifiers one demo request is about: one of each kind, drawn once so that the
/// summary of facts and the identifier list name the same address, domain or wallet.
///
/// Every value is unmistakably fictitious: IP addresses from the documentation ranges
/// 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 and 2001:db8::/32; domains under `.example`,
/// `.test` and `example.com`/`.net`; e-mail at `example.org`; +1-555-01xx telephone numbers;
/// `bc1qdemo…` wallets.
struct DemoIdentifiers {
    var ip: Identifier
    var domain: String
    var email: String
    var wallet: String
    var phone: String
    var handle: String

    init(timeZone: String, created: Int64, using random: inout SeededGenerator) {
        ip = Identifier(kind: .ipAddress, value: Self.address(using: &random),
                        observedAt: DemoText.date(created - random.int64(in: 3_600...(200 * 86_400))),
                        timeZone: random.chance(0.5) ? "UTC" : timeZone,
                        port: random.chance(0.2) ? 443 : random.int(in: 1_024...65_535))
        domain = random.pick(DemoPools.domainWords) + "-" + String(random.int(in: 10...999))
            + random.pick(DemoPools.domainSuffixes)
        email = random.pick(DemoPools.mailLocals) + String(random.int(in: 1...99)) + "@example.org"
        wallet = "bc1qdemo" + DemoText.characters(30, from: DemoPools.bech32, using: &random)
        phone = "+1-555-01" + DemoText.padded(random.below(100), width: 2)
        handle = random.pick(DemoPools.handles)
    }

    /// The identifier of `kind` for the request's list; kinds no offence profile names (IMEI,
    /// other) fall back to the account handle.
    func identifier(_ kind: Identifier.Kind) -> Identifier {
        switch kind {
        case .ipAddress: ip
        case .domain: Identifier(kind: .domain, value: domain)
        case .email: Identifier(kind: .email, value: email)
        case .wallet: Identifier(kind: .wallet, value: wallet)
        case .phone: Identifier(kind: .phone, value: phone)
        case .url: Identifier(kind: .url, value: "https://" + domain + "/login/index.php")
        case .account, .imei, .other: Identifier(kind: .account, value: handle)
        }
    }

    private static let ipv4Prefixes = ["192.0.2.", "198.51.100.", "203.0.113."]

    private static func address(using random: inout SeededGenerator) -> String {
        if random.chance(0.7) {
            return random.pick(ipv4Prefixes) + String(random.int(in: 1...254))
        }
        return "2001:db8:" + String(random.int(in: 1...0xFFFF), radix: 16) + ":" + String(random.int(in: 0...0xFFFF), radix: 16)
            + "::" + String(random.int(in: 1...0xFFFF), radix: 16)
    }
}
