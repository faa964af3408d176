/// The fixed word lists demo requests are assembled from. Every name, organisation and
/// identifier stem here is invented; identifiers are completed from reserved documentation
/// ranges (RFC 5737, RFC 3849, RFC 2606) so nothing can point at a real person or system.
enum DemoPools {
    static let officers = [
        "Ana Müller", "Jean-Luc Dubois", "Søren Østergaard", "Zoë Ó Briain", "李娜", "Mateusz Wiśniewski",
        "Inês Conceição", "Ahmet Yılmaz", "Eleni Papadopoulou", "Kwame Mensah", "Miriam Cohen", "José Ángel Peña",
    ]

    static let ourAuthorities = [
        "Ministry of Justice – Central Authority for International Cooperation",
        "National Cybercrime Centre – MLA Desk",
        "Public Prosecutor's Office – Cybercrime Section",
        "Office of the Prosecutor General – International Legal Assistance Unit",
    ]

    static let providers = [
        "Example Mail GmbH", "Nimbus Cloud Hosting (demo)", "Demo Registrar Ltd", "Placeholder Payments Inc. (demo)",
        "Fictive Telecom S.A.", "Sample Crypto Exchange Ltd (demo)", "Example VPN Services (demo)",
        "Test Bulletproof Hosting (demo)",
    ]

    static let victims = [
        "a regional hospital", "a municipal water utility", "a logistics company", "a university",
        "a manufacturing company with 800 employees", "a law firm", "a public broadcaster", "a chain of pharmacies",
        "a software supplier to local authorities", "a football club",
    ]

    static let malware = ["BlackQuill", "NightLatch", "CinderLock", "PaleHydra", "GlassViper", "RustMoth"]
    static let markets = ["\"Obsidian Bazaar\"", "\"Lantern Market\"", "\"Cobalt Souk\"", "\"Mirage Exchange\""]

    static let handles = [
        "nightowl_77", "darkfalcon2291", "crypt0vendor", "silentmoth", "k.anderson.demo", "billing-support",
        "zerocool_demo", "quietfox", "admin_panel_01", "shadowledger",
    ]

    static let domainWords = [
        "secure-login", "invoice-portal", "parcel-track", "cloud-verify", "wallet-recovery", "bank-update",
        "quick-invest", "stream-zone", "panel-admin", "support-desk",
    ]

    static let domainSuffixes = [".example", ".test", ".example.com", ".example.net"]

    static let mailLocals = [
        "billing.dept", "j.doe", "ops-team", "finance.update", "noreply-security", "k.schmidt", "support",
        "payments", "hr.recruiting", "ceo.office",
    ]

    static let stages = [
        "The investigation is at the pre-trial stage and the suspects have not yet been identified.",
        "Two suspects have been identified; no arrests have been made so as not to alert the others.",
        "One suspect was arrested and is in pre-trial detention; the trial is expected within the year.",
        "Proceedings are pending before the investigating judge, who issued the attached order.",
    ]

    static let confidentiality = [
        "Confidential: the account holder and the subscriber must not be notified (Budapest Art. 28).",
        "Disclosure to the suspects would jeopardise ongoing covert measures; please keep the request confidential.",
        "Confidential until further notice; the provider is asked not to inform its customer.",
    ]

    static let limitationOfUse = [
        "The evidence may be used only in the proceedings described in this request (speciality).",
        "Use in other proceedings requires the prior consent of the requested state.",
        "Personal data received may be used only for the purposes stated and deleted when no longer needed.",
    ]

    static let notes = [
        "Counterpart asked for a translation into their official language; ordered from the court interpreter pool.",
        "Called the 24/7 contact point; confirmation by e-mail expected.",
        "Preservation expires soon: the follow-up request is in preparation.",
        "Provider says logs older than 90 days are not kept.",
        "Linked to an earlier request about the same infrastructure.",
    ]

    static let withdrawalReasons = [
        "Suspect identified through other means; the request is no longer necessary.",
        "Proceedings discontinued by the prosecutor.",
        "Replaced by a new request with a corrected legal basis.",
    ]

    static let postponementReasons = [
        "Execution would prejudice domestic proceedings against the same suspects.",
        "Awaiting the court's decision on the order needed to execute the request.",
        "Provider's legal department asked for more time to retrieve archived data.",
    ]

    /// Why an officer marked a checklist item not applicable: short, and true of any item.
    static let checklistWaivers = [
        "Covered by the earlier request in the same case.",
        "Not required by the instrument relied on.",
        "Agreed with the counterpart by phone; confirmed by e-mail.",
        "The requested state waived it in its declaration.",
        "Does not arise on the facts of this request.",
    ]

    static let locations = [
        "Evidence store, room 0.14", "Forensic laboratory, bench 3", "Registry, secure mailroom",
        "Vault B, shelf 12", "Digital evidence server, case share",
    ]

    static let operationNames = [
        "NIGHTJAR", "KESTREL", "OSPREY", "MERLIN", "BITTERN", "CURLEW", "DUNLIN", "EGRET", "FULMAR", "GANNET",
        "GOSHAWK", "HOBBY", "JACKDAW", "KITTIWAKE", "LAPWING", "MAGPIE", "NUTHATCH", "ORIOLE", "PETREL", "PLOVER",
        "REDSTART", "SANDERLING", "SHRIKE", "SISKIN", "SKYLARK", "STARLING", "SWIFT", "TEAL", "TURNSTONE", "WAGTAIL",
        "WAXWING", "WHIMBREL", "WOODCOCK", "WREN", "AVOCET", "BUNTING", "CORMORANT", "DIPPER", "FIRECREST", "GREBE",
    ]

    /// Lower-case letters and digits of bech32 (no `1`, `b`, `i`, `o`), for demo wallet addresses.
    static let bech32 = Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l".utf8)
}
