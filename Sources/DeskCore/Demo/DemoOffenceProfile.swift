/// How a kind of offence reads in demo data: how common it is, which offences come with it,
/// which identifiers its requests name, and the patterns its summary of facts is written from.
///
/// Offences in the reference data without a profile here still appear, with the generic one.
struct DemoOffenceProfile: Sendable {
    var id: OffenceID
    var weight: Double
    var companions: [OffenceID]
    var identifierKinds: [Identifier.Kind]
    var facts: [String]

    static let generic = DemoOffenceProfile(
        id: "other", weight: 1, companions: ["money_laundering"], identifierKinds: [.email, .ipAddress, .account],
        facts: ["The requesting authorities are investigating conduct committed through online services since {period}. "
                    + "The account {target} was used to contact the victims and to receive the proceeds, "
                    + "with connections recorded from {ip}."])

    static let all: [DemoOffenceProfile] = [
        .init(id: "ransomware", weight: 10, companions: ["extortion", "money_laundering", "data_interference"],
              identifierKinds: [.ipAddress, .wallet, .domain, .email],
              facts: [
                  "Since {period}, affiliates of the {malware} ransomware-as-a-service operation encrypted the systems of "
                      + "{victim} and demanded {amount} in bitcoin. The negotiation took place on a chat portal at {domain}; "
                      + "the ransom was to be paid to {wallet}. Initial access was gained with stolen VPN credentials from {ip}.",
                  "In {period} {victim} suffered a double-extortion attack: about 400 GB of data were exfiltrated before "
                      + "the network was encrypted, and the {malware} leak site threatened publication unless {amount} "
                      + "was paid. Exfiltration went to a server at {ip} hosted by {provider}.",
              ]),
        .init(id: "phishing", weight: 9, companions: ["identity_theft", "online_fraud", "misuse_of_devices"],
              identifierKinds: [.domain, .url, .ipAddress, .email],
              facts: [
                  "Since {period}, a phishing kit imitating an online bank was deployed on {domain} and advertised by text "
                      + "message to about {victims} customers. Captured credentials were forwarded to {email} and used "
                      + "within minutes to order instant transfers totalling {amount}.",
                  "A phishing-as-a-service panel rented to several crews harvested credentials and one-time codes through "
                      + "look-alike login pages on {domain}. The panel was administered from {ip}; losses reported "
                      + "since {period} exceed {amount}.",
              ]),
        .init(id: "bec", weight: 8, companions: ["money_laundering", "online_fraud", "identity_theft"],
              identifierKinds: [.email, .ipAddress, .domain, .account],
              facts: [
                  "In {period} the accounts department of {victim} received e-mails from {email}, a look-alike of a "
                      + "supplier's address, announcing new bank details. Two invoices totalling {amount} were paid to a "
                      + "money-mule account before the fraud was noticed. The mailbox was accessed from {ip}.",
                  "A business e-mail compromise group took over the mailbox of a finance officer of {victim} and "
                      + "redirected an invoice payment of {amount}. Forwarding rules sent copies of all correspondence to "
                      + "{email}; the logins came from {ip}.",
              ]),
        .init(id: "online_fraud", weight: 6, companions: ["money_laundering", "identity_theft"],
              identifierKinds: [.domain, .phone, .account, .email],
              facts: [
                  "Since {period}, a fake online shop at {domain} took payments from about {victims} buyers for goods "
                      + "that were never delivered, a loss of about {amount}. Customer enquiries were answered from "
                      + "{email} and the phone number {phone}.",
              ]),
        .init(id: "botnet", weight: 5, companions: ["misuse_of_devices", "ddos", "illegal_access"],
              identifierKinds: [.ipAddress, .domain, .url],
              facts: [
                  "A botnet of about {victims} compromised routers and IoT devices was controlled from a command-and-control "
                      + "server at {ip}, reached through the domain {domain}. The botnet was rented out for credential "
                      + "stuffing and spam campaigns since {period}.",
                  "Infected machines in several countries contacted the command-and-control domain {domain}, which resolved "
                      + "to {ip} at {provider}. Sinkhole data from {period} show about {victims} distinct bots.",
              ]),
        .init(id: "ddos", weight: 3, companions: ["system_interference", "extortion"],
              identifierKinds: [.ipAddress, .domain, .account],
              facts: [
                  "In {period} the online services of {victim} were taken down by distributed denial-of-service attacks "
                      + "peaking at 300 Gbit/s, followed by a ransom demand of {amount}. The attacks were ordered through "
                      + "a booter service at {domain}, whose panel was reached from {ip}.",
              ]),
        .init(id: "darknet_market", weight: 4, companions: ["money_laundering", "misuse_of_devices"],
              identifierKinds: [.wallet, .account, .url],
              facts: [
                  "A vendor trading as {target} on the darknet market {market} sold stolen payment card data and "
                      + "phishing kits since {period}. Escrow releases went to {wallet}; total sales are estimated at {amount}.",
                  "Test purchases from the darknet vendor {target} on {market} were paid to {wallet}. The parcels were "
                      + "posted from within the requested state and the vendor's PGP key matches one used on a clear-web forum.",
              ]),
        .init(id: "crypto_fraud", weight: 4, companions: ["money_laundering", "online_fraud"],
              identifierKinds: [.wallet, .domain, .phone, .account],
              facts: [
                  "A fraudulent crypto-investment platform at {domain} persuaded about {victims} investors to deposit "
                      + "{amount} since {period}. Call-centre agents used the number {phone}; deposits were swept to {wallet}.",
              ]),
        .init(id: "csam", weight: 3, companions: ["extortion"],
              identifierKinds: [.account, .ipAddress, .email],
              facts: [
                  "A user of a cloud storage service shared links to child sexual abuse material through the account "
                      + "{target}. The uploads of {period} came from {ip}; the account was registered with {email}. "
                      + "A child may be at continuing risk, so identification is a priority.",
              ]),
        .init(id: "extortion", weight: 3, companions: ["identity_theft", "money_laundering"],
              identifierKinds: [.email, .account, .wallet],
              facts: [
                  "Since {period}, {victims} persons received sextortion messages from {email} threatening to publish "
                      + "intimate images unless they paid to {wallet}. At least one victim self-harmed.",
              ]),
        .init(id: "identity_theft", weight: 3, companions: ["online_fraud", "phishing"],
              identifierKinds: [.email, .phone, .ipAddress],
              facts: [
                  "Stolen identity documents were used in {period} to open accounts and take out loans of {amount}. "
                      + "The applications were submitted from {ip} and gave {email} and {phone} as contact details.",
              ]),
        .init(id: "illegal_access", weight: 4, companions: ["data_interference", "misuse_of_devices"],
              identifierKinds: [.ipAddress, .account, .domain],
              facts: [
                  "In {period} an intruder logged into the remote-access gateway of {victim} with the account {target} "
                      + "and copied the customer database. The sessions came from {ip}, a server rented from {provider}.",
              ]),
        .init(id: "illegal_interception", weight: 1, companions: ["illegal_access"],
              identifierKinds: [.ipAddress, .domain],
              facts: [
                  "Malicious code injected into the checkout page of {victim} intercepted card data in {period} and "
                      + "sent it to {domain}, resolving to {ip}.",
              ]),
        .init(id: "data_interference", weight: 2, companions: ["illegal_access"],
              identifierKinds: [.ipAddress, .account],
              facts: [
                  "In {period} the production database of {victim} was deleted by a former contractor who kept access "
                      + "through the account {target}; the deletion commands came from {ip}.",
              ]),
        .init(id: "system_interference", weight: 1, companions: ["ddos"],
              identifierKinds: [.ipAddress, .domain],
              facts: [
                  "Industrial control systems of {victim} were disrupted in {period} by commands sent from {ip}, "
                      + "after reconnaissance through {domain}.",
              ]),
        .init(id: "misuse_of_devices", weight: 3, companions: ["illegal_access", "phishing"],
              identifierKinds: [.domain, .account, .wallet],
              facts: [
                  "An information-stealer malware ({malware}) was sold by subscription on {domain} since {period}; "
                      + "the seller, known as {target}, was paid to {wallet}.",
              ]),
        .init(id: "money_laundering", weight: 3, companions: ["online_fraud", "bec"],
              identifierKinds: [.wallet, .account, .email],
              facts: [
                  "Proceeds of about {amount} were moved in {period} through a chain of money-mule accounts and a "
                      + "crypto-asset exchange, ending in {wallet}.",
              ]),
        .init(id: "intellectual_property", weight: 1, companions: ["online_fraud"],
              identifierKinds: [.domain, .ipAddress],
              facts: [
                  "A streaming site at {domain} offered pirated sports broadcasts to about {victims} subscribers since "
                      + "{period}; the streams were served from {ip}.",
              ]),
        .init(id: "terrorism_online", weight: 1, companions: [],
              identifierKinds: [.account, .url, .ipAddress],
              facts: [
                  "The account {target} posted propaganda and instructions for an attack in {period}; the posts were "
                      + "made from {ip}. The threat assessment regards the risk as imminent.",
              ]),
    ]
}
