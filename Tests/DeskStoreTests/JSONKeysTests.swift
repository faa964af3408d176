import Foundation
import Testing

@testable import DeskStore

@Suite("Keys of JSON objects, read in one pass")
struct JSONKeysTests {
    private func keys(_ json: String) -> [String] {
        var found: [String] = []
        Array(json.utf8).withUnsafeBytes { bytes in
            JSONKeys.forEach(in: bytes) { _, place in found.append(String(decoding: bytes[place], as: UTF8.self)) }
        }
        return found
    }

    @Test("Keys at every depth, not values; a key whose value is null is left out as a decoder leaves it")
    func keysNotValues() {
        let json = #"{"a": "x:y", "b" : {"c":[{"d": 1}, "e"], "f": null}, "g\"h": "\\", "i": "say \"j\": k"}"#
        #expect(keys(json) == ["a", "b", "c", "d", #"g\"h"#, "i"])
    }

    @Test("A field an archive adds is found however late it comes; one every record of that kind holds is not")
    func unknownAfterKnown() {
        let known = KnownFields(["request"])
        let body = Data(#"{"notes":"","status":"draft"}"#.utf8)
        let good = Array(#"{"request": {"notes": "n", "status": "draft"}}"#.utf8)
        let bad = Array(#"{"request": {"notes": "n", "noets": "lost", "status": "draft"}}"#.utf8)
        #expect(good.withUnsafeBytes { known.firstUnknown(in: $0, bodies: [body]) } == nil)
        #expect(bad.withUnsafeBytes { known.firstUnknown(in: $0, bodies: [body]) } == "noets")
    }
}
