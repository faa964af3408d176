import DeskCore
import DeskTestSupport
import Foundation
import Testing

@testable import DeskStore

/// An archive is cut at its requests to decode them on every core; whatever the cut cannot be
/// sure of must fall back to decoding the file whole, which names problems as it always did.
@Suite("Cutting an archive at its requests")
struct ArchiveLayoutTests {
    private func layout(_ text: String) -> ArchiveLayout? {
        Data(text.utf8).withUnsafeBytes { ArchiveLayout($0) }
    }

    private func parts(_ text: String) -> (head: String, requests: [String])? {
        guard let found = layout(text) else { return nil }
        let bytes = Array(text.utf8)
        return (String(decoding: found.head, as: UTF8.self),
                found.requests.map { String(decoding: bytes[$0], as: UTF8.self) })
    }

    @Test("Elements are cut at their own brackets, whatever their strings hold")
    func cutsAtElements() throws {
        let text = #"""
             { "format" : "mladesk-requests","requests":[ {"a":"x],\"}{"} ,[1,[2]] ,"s\\" , 7 ],
            "version":1 }
            """#
        let found = try #require(parts(text))
        #expect(found.requests == [#"{"a":"x],\"}{"}"#, "[1,[2]]", #""s\\""#, "7"])
        #expect(found.head == #"{"format":"mladesk-requests","requests":[],"version":1}"#)
        #expect(parts(#"{"requests":[]}"#)?.requests == [])
    }

    @Test("Anything unexpected gives up, so the whole file is decoded and its problem named",
          arguments: [
            #"{"requests":[1,2]"#, #"{"requests":[1,,2]}"#, #"{"requests":[1] x}"#, #"{"requests":[1]} []"#,
            #"{"requests":[1],"requests":[2]}"#, #"{"requ\u0065sts":[2],"requests":[1]}"#, #"{"version":1}"#,
            #"["requests"]"#, #"{"requests":{"a":1}}"#, #"{"requests":["unterminated]}"#,
            "{\"requests\":[" + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "]}",
          ])
    func givesUp(text: String) {
        #expect(layout(text) == nil)
    }

    @Test("Decoded in shares, an archive equals the one decoded whole; a bad request falls back to the whole file's message")
    func parallelEqualsWhole() throws {
        let folder = try TemporaryDirectory()
        let store = try Fixtures.store(in: folder)
        for index in 0..<300 {
            _ = try store.create(Fixtures.request(index.isMultiple(of: 2) ? .incoming : .outgoing, country: "DE",
                                                  facts: "Case \(index) \"quoted\" 東京 back\\slash"))
        }
        let data = try store.archive(references: nil).encoded()
        let whole = try DeskJSON.decoder().decode(RequestArchive.self, from: data)
        let cut = try #require(try ArchiveParts(data))
        let parallel = try #require(RequestArchive.decodeInParallel(cut))
        #expect(parallel == whole)
        #expect(parallel.requests.count == 300)

        var text = String(decoding: data, as: UTF8.self)
        let status = try #require(text.range(of: #""status" : ""#, options: .backwards))
        text.insert(contentsOf: "x", at: status.upperBound)
        let parts = try #require(try ArchiveParts(Data(text.utf8)))
        #expect(RequestArchive.decodeInParallel(parts) == nil)
        let error = #expect(throws: DeskError.self) { _ = try RequestArchive.decode(Data(text.utf8)) }
        #expect(error?.description.contains("requests[299]") == true, "\(String(describing: error))")
        let partError = #expect(throws: DeskError.self) { _ = try parts.request(at: 299, with: DeskJSON.decoder()) }
        #expect(partError?.description == error?.description)
    }
}
