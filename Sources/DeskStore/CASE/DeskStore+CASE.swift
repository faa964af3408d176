import DeskCore
import Foundation

extension DeskStore {
    /// The evidence items and custody events of the given requests as CASE/UCO JSON-LD.
    public func caseExport(references: [RequestReference]) throws -> Data {
        let archive = try archive(references: references.isEmpty ? nil : references)
        return try CASEGraph.document(for: archive.requests, deskID: deskID)
    }
}
