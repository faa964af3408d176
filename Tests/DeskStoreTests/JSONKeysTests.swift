import Foundation
import Testing

@testable import DeskStore

@Suite("Keys of JSON objects: unknown and duplicated ones")
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

    @Test("A key written twice in one object is found at any depth, escaped or not; the same key in two objects is not")
    func duplicateKeys() {
        func first(_ json: String) -> String? { Array(json.utf8).withUnsafeBytes(JSONDuplicateKeys.first) }
        #expect(first(#"{"a": 1, "b": {"a": 2}, "c": [{"a": 3}, {"a": 4}]}"#) == nil)
        #expect(first(#"{"a": 1, "b": [{"x": 1}, {"x": 2, "y": {"z": null, "z": 1}}]}"#) == "z")
        #expect(first(#"{"status": "closed", "st\u0061tus": "received"}"#) == "status")
        #expect(first(#"{"a\"b": 1, "a\"b": 2}"#) == #"a"b"#)
        #expect(first(#"{"a": "{\"a\": 1, \"a\": 2}"}"#) == nil, "an object written inside a string is text")
        #expect(first(#"[{"a": 1}, {"b": 1, "b": 2}]"#) == "b")
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
