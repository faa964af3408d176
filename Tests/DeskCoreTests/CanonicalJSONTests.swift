import DeskCore
import Foundation
import Testing

/// Stored records and their audit hashes are the bytes of `DeskJSON.canonical`; desks written
/// with Foundation's `JSONEncoder` must keep verifying, so both must agree byte for byte.
@Suite("The desk's canonical JSON writer")
struct CanonicalJSONTests {
    private let foundation = DeskJSON.encoder()

    private func expectSameBytes<T: Encodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let ours = try DeskJSON.canonical(value)
        let theirs = try foundation.encode(value)
        #expect(ours == theirs, "\(String(decoding: ours, as: UTF8.self))\n≠\n\(String(decoding: theirs, as: UTF8.self))",
                sourceLocation: sourceLocation)
    }

    @Test("Every record of generated requests is written as Foundation writes it")
    func demoRecords() throws {
        let reference = try ReferenceData.decode(files: ReferenceFixtures.shippedFiles())
        let generator = DemoGenerator(seed: 7, reference: reference, now: DemoGeneratorTests.now)
        for index in 0..<300 {
            var details = generator.request(at: index)
            // Instants off the millisecond are rounded by both.
            details.request.updatedAt += 0.000_6
            try expectSameBytes(details.request)
            try details.history.forEach { try expectSameBytes($0) }
            try details.checklist.forEach { try expectSameBytes($0) }
            try details.exchanges.forEach { try expectSameBytes($0) }
            try details.items.forEach { try expectSameBytes($0) }
            try details.custody.forEach { try expectSameBytes($0) }
            try expectSameBytes(details)
        }
    }

    @Test("Strings: every ASCII character, quotes, backslashes, slashes and beyond ASCII")
    func strings() throws {
        var everyASCII = ""
        for code in 0..<0x80 { everyASCII.unicodeScalars.append(Unicode.Scalar(UInt8(code))) }
        let texts = [
            everyASCII, "", "\"quoted\" \\ back/slash//", "tab\there\r\nnewline\u{0B}\u{0C}\u{08}\u{7F}",
            "\u{80}\u{85}\u{9F}\u{A0}\u{AD}\u{2028}\u{2029}\u{FEFF}\u{FFFF}\u{1B}[2J", "東京地方検察庁 😀 é e\u{301} ⟨RLO⟩\u{202E}",
        ]
        for text in texts {
            try expectSameBytes([text])
            try expectSameBytes(["key": text])
        }
    }

    @Test("Keys are sorted as Foundation sorts them: by UTF-8 bytes")
    func keyOrder() throws {
        let keys = ["b", "B", "a10", "a9", "A", "a", "_x", "Zeta", "zeta", "é", "aB", "ab", "1", "10", "9",
                    "a-b", "a_b", "ä", "Ä", "~", "ß", "ss", "", "key\"quote", "new\nline"]
        try expectSameBytes(Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) }))
        try expectSameBytes([[1: "one", 10: "ten", 2: "two"]])
    }

    @Test("Keys alike in their first eight bytes, and objects of many keys, are sorted by every byte")
    func longKeyOrder() throws {
        let alike = ["changedAt", "changedBy", "changed", "abcdefgh", "abcdefghX", "abcdefghA", "abcdefgh\u{0}",
                     "abcdefg\u{0}", "abcdefgé", "abcdefghé", "abcdefghijklmnop", "abcdefghijklmnoq", "abcdefgh é"]
        try expectSameBytes(Dictionary(uniqueKeysWithValues: alike.enumerated().map { ($1, $0) }))
        var random = SeededGenerator(seed: 8)
        let letters = Array("aAbB_é0~".unicodeScalars)
        for count in [33, 200] {
            var many: [String: Int] = [:]
            while many.count < count {
                var key = "abcdefg"
                for _ in 0..<Int.random(in: 0...4, using: &random) {
                    key.unicodeScalars.append(letters.randomElement(using: &random)!)
                }
                many[key] = many.count
            }
            try expectSameBytes(many)
        }
    }

    @Test("Numbers, booleans, null, nesting and optionals")
    func scalars() throws {
        try expectSameBytes([Int64.min, Int64.max, 0, -1])
        try expectSameBytes([UInt64.max])
        try expectSameBytes(["flag": [true, false]])
        try expectSameBytes(["absent": String?.none, "present": "yes"])
        try expectSameBytes([[String: [Int]]]())
        try expectSameBytes(["empty": [String: Int]()])
        try expectSameBytes(["nested": ["deeper": ["deepest": [1, 2]], "other": [:]]])
        try expectSameBytes(Date(timeIntervalSince1970: 1_795_944_600.123_4))
    }

    @Test("Values the writer leaves to Foundation come out as Foundation writes them")
    func handedOver() throws {
        try expectSameBytes(["ratio": 0.1, "whole": 2.0, "large": 1e21])
        try expectSameBytes(["bytes": Data([0, 1, 2, 255])])
        try expectSameBytes(["link": URL(string: "https://example.com/a/b?c=d")!])
        try expectSameBytes([Float(1.5)])
    }

    @Test("UUID text is uuidString")
    func uuidText() {
        for _ in 0..<1_000 {
            let id = UUID()
            #expect(id.text == id.uuidString)
        }
        #expect(UUID(uuidString: "00000000-0000-0000-0000-00000000000F")!.text == "00000000-0000-0000-0000-00000000000F")
    }
}
