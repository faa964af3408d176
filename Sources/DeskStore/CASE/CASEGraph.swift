import DeskCore
import Foundation

/// Evidence items and their chain of custody as CASE/UCO JSON-LD, the open format forensic
/// tools read: each item is a `uco-observable:File` with its hashes in a `ContentDataFacet`,
/// wrapped in a `case-investigation:ProvenanceRecord`; each custody event is a
/// `case-investigation:InvestigativeAction` with performer, start time and location; each
/// request is a `case-investigation:Investigation` naming its records. Every node has `@id`
/// (under the `kb:` prefix, derived from the desk's record ids, so a second export gives the same
/// ids) and `@type`.
struct CASEGraph {
    static let context: [String: LinkedValue] = [
        "case-investigation": .string("https://ontology.caseontology.org/case/investigation/"),
        "uco-action": .string("https://ontology.unifiedcyberontology.org/uco/action/"),
        "uco-core": .string("https://ontology.unifiedcyberontology.org/uco/core/"),
        "uco-identity": .string("https://ontology.unifiedcyberontology.org/uco/identity/"),
        "uco-location": .string("https://ontology.unifiedcyberontology.org/uco/location/"),
        "uco-observable": .string("https://ontology.unifiedcyberontology.org/uco/observable/"),
        "uco-types": .string("https://ontology.unifiedcyberontology.org/uco/types/"),
        "uco-vocabulary": .string("https://ontology.unifiedcyberontology.org/uco/vocabulary/"),
        "xsd": .string("http://www.w3.org/2001/XMLSchema#"),
    ]

    let deskID: String
    private var nodes: [LinkedValue] = []
    private var shared: [String: LinkedValue] = [:]

    init(deskID: String) {
        self.deskID = deskID
    }

    /// The whole document, pretty-printed with sorted keys.
    static func document(for requests: [RequestDetails], deskID: String) throws -> Data {
        var graph = CASEGraph(deskID: deskID)
        for details in requests {
            graph.add(details)
        }
        var context = context
        context["kb"] = .string("urn:mladesk:\(deskID):")
        let nodes = graph.nodes + graph.shared.keys.sorted().compactMap { graph.shared[$0] }
        let document = LinkedValue.object(["@context": .object(context), "@graph": .array(nodes)])
        return try DeskJSON.encoder(pretty: true).encode(document)
    }

    private mutating func add(_ details: RequestDetails) {
        let request = details.request
        let exchanges = Dictionary(details.exchanges.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var records: [LinkedValue] = []
        var itemNodes: [LinkedValue] = []
        for (position, item) in details.items.enumerated() {
            let file = "kb:file-\(key(item.id))"
            let record = "kb:provenance-record-\(key(item.id))"
            records.append(.reference(record))
            itemNodes.append(fileNode(item, id: file))
            var provenance: [String: LinkedValue] = [
                "@id": .string(record), "@type": .string("case-investigation:ProvenanceRecord"),
                "case-investigation:exhibitNumber": .string("\(request.reference)/\(position + 1)"),
                "uco-core:object": .array([.reference(file)]),
            ]
            if let exchange = exchanges[item.exchangeID] {
                provenance["uco-core:description"] = .string(describe(exchange))
            }
            itemNodes.append(.object(provenance))
            for event in details.custody where event.itemID == item.id {
                itemNodes.append(actionNode(event, file: file, record: record))
            }
        }
        nodes.append(.object([
            "@id": .string("kb:investigation-\(key(request.id))"), "@type": .string("case-investigation:Investigation"),
            "uco-core:name": .string(request.reference.description),
            "case-investigation:focus": .array([.string("Mutual legal assistance request \(request.reference) (\(request.counterpartCountry.rawValue))")]),
            "uco-core:object": .array(records),
        ]))
        nodes += itemNodes
    }

    private func fileNode(_ item: EvidenceItem, id: String) -> LinkedValue {
        var fileFacet: [String: LinkedValue] = [
            "@id": .string("kb:file-facet-\(key(item.id))"), "@type": .string("uco-observable:FileFacet"),
            "uco-observable:fileName": .string(item.originalFileName),
        ]
        var contentFacet: [String: LinkedValue] = [
            "@id": .string("kb:content-data-facet-\(key(item.id))"), "@type": .string("uco-observable:ContentDataFacet"),
            "uco-observable:hash": .array(hashes(item)),
        ]
        if let size = item.size {
            fileFacet["uco-observable:sizeInBytes"] = .typed("xsd:integer", String(size))
            contentFacet["uco-observable:sizeInBytes"] = .typed("xsd:integer", String(size))
        }
        return .object([
            "@id": .string(id), "@type": .string("uco-observable:File"),
            "uco-core:description": .string(item.description),
            "uco-core:tag": .array([.string(item.category.rawValue)]),
            "uco-core:hasFacet": .array([.object(fileFacet), .object(contentFacet)]),
        ])
    }

    /// The desk's own hashes where it computed them, the counterpart's declared ones otherwise.
    private func hashes(_ item: EvidenceItem) -> [LinkedValue] {
        HashDigest.Algorithm.allCases.compactMap { algorithm in
            guard let digest = item.computedHashes.first(where: { $0.algorithm == algorithm })
                ?? item.declaredHashes.first(where: { $0.algorithm == algorithm })
            else { return nil }
            return .object([
                "@id": .string("kb:hash-\(key(item.id))-\(algorithm.rawValue)"), "@type": .string("uco-types:Hash"),
                "uco-types:hashMethod": .typed("uco-vocabulary:HashNameVocab", Self.vocabulary(algorithm)),
                "uco-types:hashValue": .typed("xsd:hexBinary", digest.value.lowercased()),
            ])
        }
    }

    private mutating func actionNode(_ event: CustodyEvent, file: String, record: String) -> LinkedValue {
        let performer = "kb:identity-\(Hex.sha256(Data(event.officer.utf8)).prefix(16))"
        shared[performer] = .object([
            "@id": .string(performer), "@type": .string("uco-identity:Identity"), "uco-core:name": .string(event.officer),
        ])
        var action: [String: LinkedValue] = [
            "@id": .string("kb:investigative-action-\(key(event.id))"),
            "@type": .string("case-investigation:InvestigativeAction"),
            "uco-core:name": .string(event.kind.label),
            "uco-action:startTime": .typed("xsd:dateTime", DeskJSON.formatInstant(event.at)),
            "uco-action:performer": .reference(performer),
            "uco-action:object": .array([.reference(file)]),
            "uco-action:result": .array([.reference(record)]),
        ]
        if !event.note.isEmpty {
            action["uco-core:description"] = .string(event.note)
        }
        if !event.location.isEmpty {
            let location = "kb:location-\(Hex.sha256(Data(event.location.utf8)).prefix(16))"
            shared[location] = .object([
                "@id": .string(location), "@type": .string("uco-location:Location"),
                "uco-core:description": .string(event.location),
            ])
            action["uco-action:location"] = .reference(location)
        }
        return .object(action)
    }

    private func describe(_ exchange: EvidenceExchange) -> String {
        var parts = ["Evidence \(exchange.flow.rawValue) \(DeskJSON.formatInstant(exchange.at)) by \(exchange.medium.label)"]
        if !exchange.counterpartAuthority.isEmpty { parts.append("counterpart: \(exchange.counterpartAuthority)") }
        if !exchange.transmittalReference.isEmpty { parts.append("transmittal: \(exchange.transmittalReference)") }
        if let code = exchange.handling.code { parts.append("handling code \(code.rawValue)") }
        if !exchange.handling.limitationOfUse.isEmpty { parts.append("limitation of use: \(exchange.handling.limitationOfUse)") }
        return parts.joined(separator: "; ")
    }

    private func key(_ id: UUID) -> String {
        id.uuidString.lowercased()
    }

    private static func vocabulary(_ algorithm: HashDigest.Algorithm) -> String {
        switch algorithm {
        case .sha256: "SHA256"
        case .sha1: "SHA1"
        case .md5: "MD5"
        }
    }
}
