/// How a type of assistance reads in demo data: how often it is asked for, the sentence that
/// asks for it, the articles each instrument offers for it, and what evidence it produces.
///
/// Types in the reference data without a profile still appear, asked for by their label.
struct DemoRequestTypeProfile: Sendable {
    var id: RequestTypeID
    var weight: Double
    var assistance: String
    /// Article numbers by instrument id; only numbers the reference data lists are cited.
    var articles: [String: [String]]
    var evidence: EvidenceItem.Category
    var fileStem: String
    var fileExtension: String
    /// Size of one evidence file in bytes.
    var sizes: ClosedRange<Int64>

    static func generic(_ id: RequestTypeID, label: String) -> DemoRequestTypeProfile {
        .init(id: id, weight: 1, assistance: label + " as described in the attached annex.",
              articles: ["budapest": ["25"], "eio": ["6"], "untoc": ["18"], "un_cybercrime": ["40"]],
              evidence: .documents, fileStem: "execution_record", fileExtension: "pdf", sizes: 40_000...4_000_000)
    }

    static let all: [DemoRequestTypeProfile] = [
        .init(id: "preservation", weight: 14,
              assistance: "Expedited preservation of all stored data relating to {target} held by {provider}, including "
                  + "subscriber details, connection logs and content, for at least 60 days. A request for mutual "
                  + "assistance for the disclosure of these data will follow.",
              articles: ["budapest": ["29"], "budapest_2ap": ["8"], "eio": ["32"], "e_evidence": ["6"],
                         "un_cybercrime": ["42"], "untoc": ["18"], "mlat_us_eu": ["7"]],
              evidence: .other, fileStem: "preservation_confirmation", fileExtension: "pdf", sizes: 20_000...300_000),
        .init(id: "subscriber_info", weight: 12,
              assistance: "Subscriber information for {target}: name, postal and e-mail addresses, telephone numbers, "
                  + "payment method, and the IP address and time of registration.",
              articles: ["budapest": ["31"], "budapest_2ap": ["7"], "eio": ["10"], "e_evidence": ["5"],
                         "un_cybercrime": ["44"], "untoc": ["18"], "mlat_us_eu": ["9"]],
              evidence: .subscriberRecords, fileStem: "subscriber_records", fileExtension: "csv", sizes: 2_000...250_000),
        .init(id: "traffic_data", weight: 10,
              assistance: "Traffic data for {target} for {period} and the following three months: connection logs "
                  + "with dates, times and time zone, source IP addresses and ports, and session durations.",
              articles: ["budapest": ["31"], "budapest_2ap": ["8"], "eio": ["10"], "e_evidence": ["5"],
                         "un_cybercrime": ["44"], "untoc": ["18"], "mlat_us_eu": ["9"]],
              evidence: .trafficData, fileStem: "connection_logs", fileExtension: "zip", sizes: 1_000_000...900_000_000),
        .init(id: "stored_content", weight: 9,
              assistance: "The stored content of {target} (messages, attachments, cloud files and deleted items still "
                  + "retained) on the basis of the attached judicial order, with a business-records certificate.",
              articles: ["budapest": ["31"], "eio": ["10"], "e_evidence": ["5"], "un_cybercrime": ["44"],
                         "untoc": ["18"], "mlat_us_eu": ["9"]],
              evidence: .content, fileStem: "account_export", fileExtension: "zip", sizes: 50_000_000...40_000_000_000),
        .init(id: "disclosure_preserved_traffic", weight: 3,
              assistance: "Expedited disclosure of enough preserved traffic data on {target} to identify the other "
                  + "service providers involved and the path of the communications.",
              articles: ["budapest": ["30"], "un_cybercrime": ["43"], "eio": ["10"]],
              evidence: .trafficData, fileStem: "preserved_traffic", fileExtension: "csv", sizes: 10_000...5_000_000),
        .init(id: "domain_registration", weight: 4,
              assistance: "Registration information for the domain {domain}: registrant identity and contact details, "
                  + "payment records and the IP addresses used to manage the registration.",
              articles: ["budapest_2ap": ["6"], "budapest": ["31"], "eio": ["10"], "un_cybercrime": ["44"]],
              evidence: .subscriberRecords, fileStem: "registrant_data", fileExtension: "pdf", sizes: 30_000...600_000),
        .init(id: "emergency_disclosure", weight: 1.5,
              assistance: "Emergency disclosure of the subscriber information and the last login IP addresses of "
                  + "{target}: there is a significant and imminent risk to the life of a person. A formal request "
                  + "will follow.",
              articles: ["budapest_2ap": ["9"], "budapest": ["25", "35"], "eio": ["32"], "e_evidence": ["5"],
                         "un_cybercrime": ["41"], "mlat_us_eu": ["7"]],
              evidence: .subscriberRecords, fileStem: "emergency_disclosure", fileExtension: "pdf", sizes: 10_000...200_000),
        .init(id: "search_seizure", weight: 3,
              assistance: "Search of the server hosted by {provider} at {ip} and seizure of a forensic image of its "
                  + "disks, with the hash values of the image recorded on site.",
              articles: ["budapest": ["31"], "eio": ["10"], "un_model_treaty": ["17"], "untoc": ["18"],
                         "un_cybercrime": ["44"], "mlat_us_eu": ["9"]],
              evidence: .diskImage, fileStem: "server_image", fileExtension: "E01",
              sizes: 20_000_000_000...900_000_000_000),
        .init(id: "realtime_traffic", weight: 1,
              assistance: "Real-time collection of traffic data for {target} for 30 days from the date of the order.",
              articles: ["budapest": ["33"], "eio": ["28"], "un_cybercrime": ["45"], "untoc": ["20"]],
              evidence: .trafficData, fileStem: "realtime_traffic", fileExtension: "pcap", sizes: 5_000_000...2_000_000_000),
        .init(id: "interception", weight: 1,
              assistance: "Interception of the content of communications of {target} for 30 days, with transmission "
                  + "of the recordings to the requesting authority.",
              articles: ["budapest": ["34"], "eio": ["30"], "un_cybercrime": ["46"], "untoc": ["20"]],
              evidence: .content, fileStem: "intercept_product", fileExtension: "zip", sizes: 50_000_000...9_000_000_000),
        .init(id: "examination_objects_sites", weight: 1,
              assistance: "Examination of the hardware wallet and the laptop seized from the suspect, with an expert "
                  + "report on the keys and the transaction history found.",
              articles: ["eio": ["10"], "un_model_treaty": ["11"], "untoc": ["18"], "budapest": ["25"]],
              evidence: .mobileExtraction, fileStem: "device_extraction", fileExtension: "ufdr",
              sizes: 2_000_000_000...120_000_000_000),
        .init(id: "testimony", weight: 2,
              assistance: "Hearing of an employee of {provider} as a witness on the logs produced, with the questions "
                  + "in the annex; the witness has the right to refuse to answer incriminating questions.",
              articles: ["un_model_treaty": ["11"], "untoc": ["18"], "eio": ["10"], "budapest": ["25"]],
              evidence: .testimonyRecord, fileStem: "hearing_record", fileExtension: "pdf", sizes: 100_000...3_000_000),
        .init(id: "video_conference", weight: 1.5,
              assistance: "Hearing of the victim by video conference on a date to be agreed, with an interpreter; "
                  + "the victim consents to the hearing.",
              articles: ["budapest_2ap": ["11"], "eio": ["24"], "mlat_us_eu": ["6"], "untoc": ["18"]],
              evidence: .testimonyRecord, fileStem: "video_hearing", fileExtension: "mp4", sizes: 200_000_000...4_000_000_000),
        .init(id: "temporary_transfer", weight: 0.5,
              assistance: "Temporary transfer of a person held in custody in the requested state to give evidence at "
                  + "trial, and the person's return within ten days.",
              articles: ["eio": ["22"], "un_model_treaty": ["13"], "untoc": ["18"]],
              evidence: .documents, fileStem: "transfer_record", fileExtension: "pdf", sizes: 50_000...500_000),
        .init(id: "service_of_documents", weight: 1,
              assistance: "Service of the enclosed summons on the suspect at the address given, with proof of service.",
              articles: ["un_model_treaty": ["10"], "untoc": ["18"], "eio": ["6"], "budapest": ["25"]],
              evidence: .documents, fileStem: "proof_of_service", fileExtension: "pdf", sizes: 30_000...400_000),
        .init(id: "documents_records", weight: 2,
              assistance: "Certified copies of the contract, invoices and correspondence held by {provider} about {target}.",
              articles: ["un_model_treaty": ["18"], "untoc": ["18"], "eio": ["10"], "budapest": ["25"]],
              evidence: .documents, fileStem: "business_records", fileExtension: "pdf", sizes: 200_000...30_000_000),
        .init(id: "bank_information", weight: 3,
              assistance: "Identification of the bank accounts held by the suspect and statements of the accounts that "
                  + "received the proceeds ({amount}) since {period}.",
              articles: ["mlat_us_eu": ["4"], "eio": ["26", "27"], "untoc": ["18"], "budapest": ["25"]],
              evidence: .documents, fileStem: "bank_statements", fileExtension: "pdf", sizes: 100_000...20_000_000),
        .init(id: "asset_freezing", weight: 2,
              assistance: "Freezing of the crypto-assets held at {provider} under {wallet} and of the balances of the "
                  + "accounts identified, on the basis of the attached freezing order.",
              articles: ["untoc": ["12", "13"], "eio": ["32"], "budapest": ["25"], "un_cybercrime": ["40"]],
              evidence: .documents, fileStem: "freezing_report", fileExtension: "pdf", sizes: 50_000...800_000),
        .init(id: "joint_investigation_team", weight: 1,
              assistance: "Setting up a joint investigation team for eighteen months to investigate the group behind "
                  + "{operation}, on the basis of the draft agreement enclosed.",
              articles: ["budapest_2ap": ["12"], "mlat_us_eu": ["5"], "untoc": ["19"], "un_cybercrime": ["48"],
                         "eio": ["6"]],
              evidence: .documents, fileStem: "jit_agreement", fileExtension: "pdf", sizes: 100_000...1_000_000),
        .init(id: "controlled_delivery", weight: 0.5,
              assistance: "A controlled delivery of the parcel ordered from the vendor {target}, under surveillance "
                  + "until it reaches the recipient.",
              articles: ["untoc": ["20"], "eio": ["28"]],
              evidence: .documents, fileStem: "delivery_report", fileExtension: "pdf", sizes: 50_000...2_000_000),
        .init(id: "transfer_of_proceedings", weight: 0.5,
              assistance: "Taking over the prosecution of the suspect, a national of the requested state living there, "
                  + "with the case file enclosed.",
              articles: ["untoc": ["18"], "budapest": ["25"], "eio": ["6"]],
              evidence: .documents, fileStem: "case_file", fileExtension: "zip", sizes: 5_000_000...500_000_000),
        .init(id: "spontaneous_information", weight: 1.5,
              assistance: "Spontaneous information: our investigation found {target}, which appears to be used for "
                  + "offences within the jurisdiction of the receiving state.",
              articles: ["budapest": ["26"], "un_cybercrime": ["40"], "untoc": ["18"]],
              evidence: .logs, fileStem: "spontaneous_information", fileExtension: "zip", sizes: 100_000...50_000_000),
    ]
}
