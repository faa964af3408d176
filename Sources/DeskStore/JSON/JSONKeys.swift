import Foundation

/// The keys of every object in JSON bytes, at any depth, whose value is not `null`: what a
/// decoder reads or skips. Compared with the keys the same records have once encoded again, they
/// show a field a decoder would drop without a word (a misspelt optional field loses its data).
///
/// One pass over bytes a decoder has already accepted: a string followed by a colon is a key.
/// Keys are handed over as hashes of their bytes with their place, so reading them allocates
/// nothing per key.
enum JSONKeys {
    static func forEach(in bytes: UnsafeRawBufferPointer, _ body: (_ hash: Int, _ place: Range<Int>) -> Void) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        func nextQuote(from index: Int) -> Int {
            guard index < count, let found = memchr(base + index, Int32(UInt8(ascii: "\"")), count - index) else { return count }
            return base.distance(to: UnsafeRawPointer(found))
        }
        var index = nextQuote(from: 0)
        while index < count {
            let start = index + 1
            var end = nextQuote(from: start)
            while end < count, isEscaped(end, in: bytes, from: start) {
                end = nextQuote(from: end + 1)
            }
            guard end < count else { return }
            var next = end + 1
            while next < count, isSpace(bytes[next]) { next += 1 }
            if next < count, bytes[next] == UInt8(ascii: ":") {
                next += 1
                while next < count, isSpace(bytes[next]) { next += 1 }
                if !isNull(at: next, in: bytes) {
                    body(hash(UnsafeRawBufferPointer(rebasing: bytes[start..<end])), start..<end)
                }
            }
            index = nextQuote(from: end + 1)
        }
    }

    /// FNV-1a: keys are a few ASCII bytes, and a collision could only let an unknown key pass.
    static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return Int(truncatingIfNeeded: hash)
    }

    /// Whether the quote at `index` is escaped: an odd run of backslashes before it.
    private static func isEscaped(_ index: Int, in bytes: UnsafeRawBufferPointer, from start: Int) -> Bool {
        var backslashes = 0
        var before = index - 1
        while before >= start, bytes[before] == UInt8(ascii: "\\") {
            backslashes += 1
            before -= 1
        }
        return backslashes % 2 == 1
    }

    private static func isNull(at index: Int, in bytes: UnsafeRawBufferPointer) -> Bool {
        index + 4 <= bytes.count && bytes[index] == UInt8(ascii: "n") && bytes[index + 1] == UInt8(ascii: "u")
            && bytes[index + 2] == UInt8(ascii: "l") && bytes[index + 3] == UInt8(ascii: "l")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}

/// The fields an import has seen its records hold, learnt as it goes: a key of the input is
/// looked up here, and only a key not yet known makes the request's encoded records be read for
/// their keys. After the first requests of an archive nearly every key is known, so the check
/// costs one pass over each request's bytes. Used by the one thread that prepares requests.
final class KnownFields: @unchecked Sendable {
    private var hashes: Set<Int>

    init(_ names: [String]) {
        hashes = Set(names.map { Array($0.utf8).withUnsafeBytes(JSONKeys.hash) })
    }

    /// The first key of `input` that none of `bodies` holds, as written; nil when there is none.
    func firstUnknown(in input: UnsafeRawBufferPointer, bodies: [Data]) -> String? {
        var unseen: [(hash: Int, place: Range<Int>)] = []
        JSONKeys.forEach(in: input) { hash, place in
            if !hashes.contains(hash) { unseen.append((hash, place)) }
        }
        guard !unseen.isEmpty else { return nil }
        for body in bodies {
            body.withUnsafeBytes { bytes in JSONKeys.forEach(in: bytes) { hash, _ in hashes.insert(hash) } }
        }
        return unseen.first { !hashes.contains($0.hash) }.map { String(decoding: input[$0.place], as: UTF8.self) }
    }
}
