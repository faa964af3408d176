import DeskCore
import DeskTestSupport
import Foundation
import Testing

@testable import DeskStore

@Suite("CASE/UCO JSON-LD export")
struct CASEExportTests {
    /// Every object in the graph that is a node (not a typed literal or a bare reference).
    private func nodes(_ value: Any) -> [[String: Any]] {
        if let object = value as? [String: Any] {
            let isLiteral = object["@value"] != nil
            let isReference = object.count == 1 && object["@id"] != nil
            let own = isLiteral || isReference ? [] : [object]
            return own + object.values.flatMap(nodes)
        }
        if let array = value as? [Any] { return array.flatMap(nodes) }
        return []
    }

    @Test("Evidence and custody come out as valid JSON-LD with the expected CASE/UCO types")
    func document() throws {
        let pair = try PackagePair()
        let data = try pair.sender.caseExport(references: [pair.reference])
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let context = try #require(root["@context"] as? [String: Any])
        for prefix in ["case-investigation", "uco-core", "uco-observable", "uco-action"] {
            #expect((context[prefix] as? String)?.hasPrefix("https://ontology.") == true, "\(prefix)")
        }
        let graph = try #require(root["@graph"] as? [Any])
        let all = nodes(graph)
        #expect(!all.isEmpty)
        for node in all {
            #expect(node["@id"] is String && node["@type"] is String, "\(node)")
        }
        let ids = all.compactMap { $0["@id"] as? String }
        #expect(Set(ids).count == ids.count, "node ids are unique")
        let types = Set(all.compactMap { $0["@type"] as? String })
        for expected in ["case-investigation:Investigation", "case-investigation:ProvenanceRecord",
                         "case-investigation:InvestigativeAction", "uco-observable:File", "uco-observable:FileFacet",
                         "uco-observable:ContentDataFacet", "uco-types:Hash", "uco-identity:Identity", "uco-location:Location"] {
            #expect(types.contains(expected), "\(expected)")
        }
        let actions = all.filter { $0["@type"] as? String == "case-investigation:InvestigativeAction" }
        #expect(actions.count == 2)
        let received = try #require(actions.first { $0["uco-core:name"] as? String == "Received" })
        #expect((received["uco-action:startTime"] as? [String: Any])?["@value"] as? String == "2026-11-29T09:00:00.000Z")
        #expect(received["uco-action:performer"] != nil && received["uco-action:location"] != nil)
        let hash = try #require(all.first { $0["@type"] as? String == "uco-types:Hash" })
        #expect((hash["uco-types:hashValue"] as? [String: Any])?["@value"] as? String == Hex.sha256(pair.evidenceBytes))
        #expect(try pair.sender.caseExport(references: [pair.reference]) == data, "the same desk gives the same document")
    }
}
